package org.openmrs;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** Test mapping of the OpenMRS class of the same name (only what capture reads). */
@Entity
@Table(name = "obs_reference_range")
public class ObsReferenceRange extends TestEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "obs_reference_range_id")
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "obs_id")
	private Obs obs;

	private String detail;

	public ObsReferenceRange() {
	}

	public ObsReferenceRange(Obs obs, String detail) {
		this.obs = obs;
		this.detail = detail;
	}

	@Override
	public Integer getId() {
		return id;
	}

	public Obs getObs() {
		return obs;
	}

	public void setDetail(String detail) {
		this.detail = detail;
	}
}

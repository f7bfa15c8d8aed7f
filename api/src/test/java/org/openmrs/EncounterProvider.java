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
@Table(name = "encounter_provider")
public class EncounterProvider extends TestEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "encounter_provider_id")
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "encounter_id")
	private Encounter encounter;

	private String detail;

	public EncounterProvider() {
	}

	public EncounterProvider(Encounter encounter, String detail) {
		this.encounter = encounter;
		this.detail = detail;
	}

	@Override
	public Integer getId() {
		return id;
	}

	public Encounter getEncounter() {
		return encounter;
	}

	public void setDetail(String detail) {
		this.detail = detail;
	}
}

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

/** Test mapping of OpenMRS's Visit. */
@Entity
@Table(name = "visit")
public class Visit extends TestEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "visit_id")
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "patient_id")
	private Patient patient;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "visit_type_id")
	private VisitType visitType;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "location_id")
	private Location location;

	private Long stopped;

	public Visit() {
	}

	public Visit(Patient patient, VisitType visitType, Location location) {
		this.patient = patient;
		this.visitType = visitType;
		this.location = location;
	}

	@Override
	public Integer getId() {
		return id;
	}

	public void setStopped(Long stopped) {
		this.stopped = stopped;
	}
}

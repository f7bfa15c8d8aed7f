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

/** Test mapping of OpenMRS's PatientIdentifier. */
@Entity
@Table(name = "patient_identifier")
public class PatientIdentifier extends TestEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "patient_identifier_id")
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "patient_id")
	private Patient patient;

	private String identifier;

	public PatientIdentifier() {
	}

	public PatientIdentifier(Patient patient, String identifier) {
		this.patient = patient;
		this.identifier = identifier;
	}

	@Override
	public Integer getId() {
		return id;
	}

	public void setIdentifier(String identifier) {
		this.identifier = identifier;
	}
}

package org.openmrs;

import java.util.LinkedHashSet;
import java.util.Set;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.OneToMany;
import javax.persistence.PrimaryKeyJoinColumn;
import javax.persistence.Table;

/** Test mapping of OpenMRS's Patient: a joined subclass of Person with its own voided flag and identifiers. */
@Entity
@Table(name = "patient")
@PrimaryKeyJoinColumn(name = "patient_id")
public class Patient extends Person {

	@Column(name = "voided", nullable = false)
	private Boolean voided = Boolean.FALSE;

	@OneToMany(mappedBy = "patient", cascade = CascadeType.ALL, orphanRemoval = true)
	private Set<PatientIdentifier> identifiers = new LinkedHashSet<>();

	public Boolean getVoided() {
		return voided;
	}

	public void setVoided(Boolean voided) {
		this.voided = voided;
	}

	public Set<PatientIdentifier> getIdentifiers() {
		return identifiers;
	}

	public PatientIdentifier addIdentifier(String identifier) {
		PatientIdentifier id = new PatientIdentifier(this, identifier);
		identifiers.add(id);
		return id;
	}
}

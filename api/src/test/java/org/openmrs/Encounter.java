package org.openmrs;

import java.util.LinkedHashSet;
import java.util.Set;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.OneToMany;
import javax.persistence.Table;

/** Test mapping of OpenMRS's Encounter: lazy many-to-ones, cascaded obs, orders, providers and diagnoses. */
@Entity
@Table(name = "encounter")
public class Encounter extends TestEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "encounter_id")
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "patient_id")
	private Patient patient;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "encounter_type")
	private EncounterType encounterType;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "location_id")
	private Location location;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "form_id")
	private Form form;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "visit_id")
	private Visit visit;

	@OneToMany(mappedBy = "encounter", cascade = CascadeType.ALL, orphanRemoval = true)
	private Set<Obs> obs = new LinkedHashSet<>();

	@OneToMany(mappedBy = "encounter", cascade = CascadeType.ALL, orphanRemoval = true)
	private Set<Order> orders = new LinkedHashSet<>();

	@OneToMany(mappedBy = "encounter", cascade = CascadeType.ALL, orphanRemoval = true)
	private Set<EncounterProvider> encounterProviders = new LinkedHashSet<>();

	@OneToMany(mappedBy = "encounter", cascade = CascadeType.ALL, orphanRemoval = true)
	private Set<Diagnosis> diagnoses = new LinkedHashSet<>();

	public Encounter() {
	}

	public Encounter(Patient patient, EncounterType encounterType, Location location, Form form, Visit visit) {
		this.patient = patient;
		this.encounterType = encounterType;
		this.location = location;
		this.form = form;
		this.visit = visit;
	}

	@Override
	public Integer getId() {
		return id;
	}

	public Patient getPatient() {
		return patient;
	}

	public Set<Obs> getObs() {
		return obs;
	}

	public Set<Order> getOrders() {
		return orders;
	}

	public Set<EncounterProvider> getEncounterProviders() {
		return encounterProviders;
	}

	public Set<Diagnosis> getDiagnoses() {
		return diagnoses;
	}

	public Obs addObs(Concept concept, double value) {
		Obs o = new Obs(patient, this, concept, location, value);
		obs.add(o);
		return o;
	}
}

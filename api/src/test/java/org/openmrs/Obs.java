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

/** Test mapping of OpenMRS's Obs: person typed Person, obs groups, previous version, reference ranges. */
@Entity
@Table(name = "obs")
public class Obs extends TestEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "obs_id")
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "person_id")
	private Person person;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "encounter_id")
	private Encounter encounter;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "concept_id")
	private Concept concept;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "location_id")
	private Location location;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "obs_group_id")
	private Obs obsGroup;

	@OneToMany(mappedBy = "obsGroup", cascade = CascadeType.ALL)
	private Set<Obs> groupMembers = new LinkedHashSet<>();

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "previous_version")
	private Obs previousVersion;

	@OneToMany(mappedBy = "obs", cascade = CascadeType.ALL, orphanRemoval = true)
	private Set<ObsReferenceRange> referenceRanges = new LinkedHashSet<>();

	private Double valueNumeric;

	public Obs() {
	}

	public Obs(Person person, Encounter encounter, Concept concept, Location location, Double valueNumeric) {
		this.person = person;
		this.encounter = encounter;
		this.concept = concept;
		this.location = location;
		this.valueNumeric = valueNumeric;
	}

	@Override
	public Integer getId() {
		return id;
	}

	public Encounter getEncounter() {
		return encounter;
	}

	public Obs addGroupMember(Concept concept, double value) {
		Obs member = new Obs(person, encounter, concept, location, value);
		member.obsGroup = this;
		groupMembers.add(member);
		return member;
	}

	public void setPreviousVersion(Obs previousVersion) {
		this.previousVersion = previousVersion;
	}

	public Set<ObsReferenceRange> getReferenceRanges() {
		return referenceRanges;
	}

	/** The edit OpenMRS makes: a new obs with this one as previous version (the caller voids this one). */
	public Obs newVersion(double value) {
		Obs next = new Obs(person, encounter, concept, location, value);
		next.previousVersion = this;
		return next;
	}
}

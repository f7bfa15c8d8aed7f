package org.openmrs;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Inheritance;
import javax.persistence.InheritanceType;
import javax.persistence.OneToMany;
import javax.persistence.Table;

/**
 * Test mapping of OpenMRS's Person: the base of Patient (joined subclass); its voided flag is the property
 * {@code personVoided} (column voided), as in core's Person.hbm.xml, so that Patient's own {@code voided} is the
 * patient's.
 */
@Entity
@Table(name = "person")
@Inheritance(strategy = InheritanceType.JOINED)
public class Person implements OpenmrsObject {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "person_id")
	private Integer personId;

	@Column(name = "uuid", length = 38, nullable = false, unique = true)
	private String uuid = UUID.randomUUID().toString();

	private String gender;

	@Column(name = "voided", nullable = false)
	private Boolean personVoided = Boolean.FALSE;

	@OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true)
	private Set<PersonName> names = new LinkedHashSet<>();

	@OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true)
	private Set<PersonAddress> addresses = new LinkedHashSet<>();

	@OneToMany(mappedBy = "person", cascade = CascadeType.ALL, orphanRemoval = true)
	private Set<PersonAttribute> attributes = new LinkedHashSet<>();

	@Override
	public Integer getId() {
		return personId;
	}

	@Override
	public String getUuid() {
		return uuid;
	}

	public void setGender(String gender) {
		this.gender = gender;
	}

	public void setPersonVoided(Boolean personVoided) {
		this.personVoided = personVoided;
	}

	public Set<PersonName> getNames() {
		return names;
	}

	public Set<PersonAddress> getAddresses() {
		return addresses;
	}

	public Set<PersonAttribute> getAttributes() {
		return attributes;
	}

	public PersonName addName(String given, String family) {
		PersonName name = new PersonName(this, given, family);
		names.add(name);
		return name;
	}
}

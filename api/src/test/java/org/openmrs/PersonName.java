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

/** Test mapping of OpenMRS's PersonName: its person is a lazy many-to-one typed Person. */
@Entity
@Table(name = "person_name")
public class PersonName extends TestEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "person_name_id")
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "person_id")
	private Person person;

	private String givenName;

	private String familyName;

	public PersonName() {
	}

	public PersonName(Person person, String givenName, String familyName) {
		this.person = person;
		this.givenName = givenName;
		this.familyName = familyName;
	}

	@Override
	public Integer getId() {
		return id;
	}

	public Person getPerson() {
		return person;
	}

	public void setGivenName(String givenName) {
		this.givenName = givenName;
	}
}

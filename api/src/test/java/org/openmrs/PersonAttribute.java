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
@Table(name = "person_attribute")
public class PersonAttribute extends TestEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "person_attribute_id")
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "person_id")
	private Person person;

	private String detail;

	public PersonAttribute() {
	}

	public PersonAttribute(Person person, String detail) {
		this.person = person;
		this.detail = detail;
	}

	@Override
	public Integer getId() {
		return id;
	}

	public Person getPerson() {
		return person;
	}

	public void setDetail(String detail) {
		this.detail = detail;
	}
}

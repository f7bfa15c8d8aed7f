package org.openmrs;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Test mapping of the OpenMRS metadata class of the same name (only what capture reads). */
@Entity
@Table(name = "location")
public class Location extends TestEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "location_id")
	private Integer id;

	private String name;

	public Location() {
	}

	public Location(String name) {
		this.name = name;
	}

	@Override
	public Integer getId() {
		return id;
	}
}

package org.openmrs;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** Test mapping of the OpenMRS metadata class of the same name (only what capture reads). */
@Entity
@Table(name = "visit_type")
public class VisitType extends TestEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "visit_type_id")
	private Integer id;

	private String name;

	public VisitType() {
	}

	public VisitType(String name) {
		this.name = name;
	}

	@Override
	public Integer getId() {
		return id;
	}
}

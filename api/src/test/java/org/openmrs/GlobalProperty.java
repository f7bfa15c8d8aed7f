package org.openmrs;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Test mapping of an entity capture has no interest in. */
@Entity
@Table(name = "global_property")
public class GlobalProperty {

	@Id
	@Column(name = "property", length = 255)
	private String property;

	@Column(name = "property_value", length = 255)
	private String propertyValue;

	public GlobalProperty() {
	}

	public GlobalProperty(String property, String propertyValue) {
		this.property = property;
		this.propertyValue = propertyValue;
	}

	public void setPropertyValue(String propertyValue) {
		this.propertyValue = propertyValue;
	}
}

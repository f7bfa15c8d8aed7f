package org.openmrs;

/**
 * Compile-only stub of the OpenMRS class of the same name: only the members the module uses (its supertypes are
 * left out). Name and value keep their state (instead of throwing like other stubs) so that tests can hand one to
 * a {@code GlobalPropertyListener}.
 */
public class GlobalProperty {

	private String property;

	private String propertyValue;

	public GlobalProperty() {
	}

	public GlobalProperty(String property) {
		this.property = property;
	}

	public GlobalProperty(String property, String value) {
		this.property = property;
		this.propertyValue = value;
	}

	public String getProperty() {
		return property;
	}

	public void setProperty(String property) {
		this.property = property;
	}

	public String getPropertyValue() {
		return propertyValue;
	}

	public void setPropertyValue(String value) {
		this.propertyValue = value;
	}
}

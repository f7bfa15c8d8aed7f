package org.openmrs;

import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.MappedSuperclass;

/** Base of the test mappings: a uuid and a voided flag, as OpenMRS data classes have. */
@MappedSuperclass
public abstract class TestEntity implements OpenmrsObject {

	@Column(name = "uuid", length = 38, nullable = false, unique = true)
	private String uuid = UUID.randomUUID().toString();

	@Column(name = "voided", nullable = false)
	private Boolean voided = Boolean.FALSE;

	@Override
	public String getUuid() {
		return uuid;
	}

	public void setUuid(String uuid) {
		this.uuid = uuid;
	}

	public Boolean getVoided() {
		return voided;
	}

	public void setVoided(Boolean voided) {
		this.voided = voided;
	}
}

package org.openmrs.module.webhooks.capture;

import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.openmrs.OpenmrsObject;

/**
 * What the save path knows about an associated entity (a value in a {@code state} array) without loading it:
 * a loaded entity gives its uuid and id; an uninitialised lazy proxy gives only its id and declared class, and
 * is never initialised here (that would be a SELECT on the save path).
 */
final class EntityRef {

	/** The rule of the entity's class; {@code null} when its class is of no interest or not known. */
	final ResourceRule rule;

	/** {@code null} for an uninitialised proxy. */
	final String uuid;

	/** {@code null} for a new entity whose identity id is not assigned yet. */
	final Object id;

	/** {@code false} for an uninitialised proxy: its real class may be a subclass (a Person may be a Patient). */
	final boolean exactType;

	private EntityRef(ResourceRule rule, String uuid, Object id, boolean exactType) {
		this.rule = rule;
		this.uuid = uuid;
		this.id = id;
		this.exactType = exactType;
	}

	/** {@code null} when {@code value} is {@code null} or not an OpenMRS object. */
	static EntityRef of(Object value, CaptureTable table) {
		if (value instanceof HibernateProxy) {
			LazyInitializer lazy = ((HibernateProxy) value).getHibernateLazyInitializer();
			if (lazy.isUninitialized()) {
				return new EntityRef(table.ruleFor(lazy.getPersistentClass()), null, lazy.getIdentifier(), false);
			}
			value = lazy.getImplementation();
		}
		if (value instanceof OpenmrsObject) {
			OpenmrsObject object = (OpenmrsObject) value;
			return new EntityRef(table.ruleFor(value.getClass()), object.getUuid(), object.getId(), true);
		}
		return null;
	}
}

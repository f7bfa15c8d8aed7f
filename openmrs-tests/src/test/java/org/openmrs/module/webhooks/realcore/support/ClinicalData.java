package org.openmrs.module.webhooks.realcore.support;

import java.util.Date;
import java.util.UUID;

import org.openmrs.Encounter;
import org.openmrs.Location;
import org.openmrs.Obs;
import org.openmrs.Patient;
import org.openmrs.PatientIdentifier;
import org.openmrs.PersonName;
import org.openmrs.Visit;
import org.openmrs.api.context.Context;

/**
 * New clinical objects built on core's standard test dataset (identifier type 2, which has no check digit; location
 * 1; encounter type 1; visit type 1; the numeric concept 5089, WEIGHT (KG)). Objects only: tests save them through
 * core's services.
 */
public final class ClinicalData {

	/** WEIGHT (KG), numeric, in the standard test dataset. */
	public static final int WEIGHT = 5089;

	private ClinicalData() {
	}

	public static Location location() {
		return Context.getLocationService().getLocation(1);
	}

	/** A new patient with one name and one identifier, not saved. */
	public static Patient patient() {
		Patient p = new Patient();
		p.setGender("F");
		p.setBirthdate(new Date(0));
		p.addName(new PersonName("Ada", null, "Webhook"));
		PatientIdentifier id = new PatientIdentifier("WH-" + UUID.randomUUID().toString().substring(0, 8),
		        Context.getPatientService().getPatientIdentifierType(2), location());
		id.setPreferred(true);
		p.addIdentifier(id);
		return p;
	}

	/** A saved new patient. */
	public static Patient savedPatient() {
		return Context.getPatientService().savePatient(patient());
	}

	/** A new encounter of {@code patient} with one weight obs per value, not saved. */
	public static Encounter encounter(Patient patient, double... weights) {
		Date now = new Date();
		Encounter e = new Encounter();
		e.setPatient(patient);
		e.setEncounterType(Context.getEncounterService().getEncounterType(1));
		e.setLocation(location());
		e.setEncounterDatetime(now);
		for (double weight : weights) {
			Obs o = new Obs();
			o.setConcept(Context.getConceptService().getConcept(WEIGHT));
			o.setValueNumeric(weight);
			o.setObsDatetime(now);
			o.setPerson(patient);
			o.setLocation(location());
			e.addObs(o);
		}
		return e;
	}

	/** A new visit of {@code patient}, started now, not saved. */
	public static Visit visit(Patient patient) {
		Visit v = new Visit(patient, Context.getVisitService().getVisitType(1), new Date());
		v.setLocation(location());
		return v;
	}
}

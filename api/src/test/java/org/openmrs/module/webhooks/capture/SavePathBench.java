package org.openmrs.module.webhooks.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.Concept;
import org.openmrs.Encounter;
import org.openmrs.EncounterType;
import org.openmrs.Form;
import org.openmrs.Location;
import org.openmrs.Patient;
import org.openmrs.module.webhooks.testdb.TestDatabase;

/**
 * PRODUCT §7 save-path overhead: saves an encounter with 20 obs (one transaction each) through lean Hibernate on
 * MariaDB, capture on against off, in interleaved rounds after a warm-up, and prints the ratio of the medians of
 * the per-round means as its last line. Not a test; run it as a main class (see the capture report / README).
 *
 * <p>Arguments (optional): database kind (MARIADB, H2, POSTGRESQL), rounds, encounters per round.
 */
public final class SavePathBench {

	private static final int OBS = 20;

	public static void main(String[] args) {
		TestDatabase.Kind kind = args.length > 0 ? TestDatabase.Kind.valueOf(args[0]) : TestDatabase.Kind.MARIADB;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		try (TestDatabase db = TestDatabase.create(kind).migrate();
		        CaptureHarness on = new CaptureHarness(db, true);
		        CaptureHarness off = new CaptureHarness(db, false)) {
			Fixture f = new Fixture(on);
			for (int i = 0; i < 300; i++) {
				save(on, f);
				save(off, f);
			}
			List<Double> onTimes = new ArrayList<>();
			List<Double> offTimes = new ArrayList<>();
			for (int r = 0; r < rounds; r++) {
				// alternate which goes first, so drift and caches do not favour one side
				if (r % 2 == 0) {
					onTimes.add(round(on, f, perRound));
					offTimes.add(round(off, f, perRound));
				} else {
					offTimes.add(round(off, f, perRound));
					onTimes.add(round(on, f, perRound));
				}
			}
			on.statements.clear();
			save(on, f);
			int onStatements = on.statements.all().size();
			off.statements.clear();
			save(off, f);
			int offStatements = off.statements.all().size();
			double onMs = median(onTimes);
			double offMs = median(offTimes);
			System.out.printf("database %s, %d rounds x %d encounters of %d obs; statements per transaction: on %d,"
			        + " off %d (extra %d); capture failures %d%n",
			    kind, rounds, perRound, OBS, onStatements, offStatements, onStatements - offStatements,
			    on.stats.getFailedTransactions());
			System.out.printf("capture-overhead: %.3fx (on %.3f ms, off %.3f ms per encounter)%n", onMs / offMs, onMs, offMs);
		}
	}

	private static double round(CaptureHarness h, Fixture f, int count) {
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			save(h, f);
		}
		return (System.nanoTime() - start) / 1e6 / count;
	}

	private static void save(CaptureHarness h, Fixture f) {
		h.tx(s -> {
			Encounter e = new Encounter(s.get(Patient.class, f.patient.getId()), s.get(EncounterType.class, f.type.getId()),
			        s.get(Location.class, f.location.getId()), s.get(Form.class, f.form.getId()), null);
			Concept concept = s.get(Concept.class, f.concept.getId());
			for (int i = 0; i < OBS; i++) {
				e.addObs(concept, i);
			}
			s.save(e);
		});
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static final class Fixture {

		final Patient patient = new Patient();

		final Concept concept = new Concept("weight");

		final EncounterType type = new EncounterType("vitals");

		final Location location = new Location("ward");

		final Form form = new Form("vitals form");

		Fixture(CaptureHarness h) {
			patient.addName("Bench", "Patient");
			patient.addIdentifier("bench-1");
			h.tx(s -> {
				s.save(patient);
				s.save(concept);
				s.save(type);
				s.save(location);
				s.save(form);
			});
		}
	}
}

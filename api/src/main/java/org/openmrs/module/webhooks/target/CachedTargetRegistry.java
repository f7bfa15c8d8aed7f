package org.openmrs.module.webhooks.target;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.openmrs.module.webhooks.delivery.TargetRegistry;
import org.openmrs.module.webhooks.model.Target;
import org.openmrs.module.webhooks.model.TargetState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery engine's cached view of all targets (secrets in clear). The whole table is re-read when this
 * node {@link #invalidate() changed} a target, and otherwise at most every {@code refreshMillis} (time from
 * the injected clock), which is how changes made on another node, and health changes written by the engine,
 * arrive. There are few targets, so a full re-read is cheap.
 *
 * <p>Thread-safe: readers share an immutable snapshot; one thread at a time reloads. When a reload fails and
 * an older snapshot exists, the older one is served (and the failure logged) until the next attempt.
 */
public final class CachedTargetRegistry implements TargetRegistry {

	private static final Logger log = LoggerFactory.getLogger(CachedTargetRegistry.class);

	private final TargetStore store;

	private final Clock clock;

	private final long refreshMillis;

	/** Bumped by every local write; a snapshot older than the current generation is reloaded. */
	private final AtomicLong generation = new AtomicLong();

	private volatile Snapshot snapshot;

	public CachedTargetRegistry(TargetStore store, Clock clock, long refreshMillis) {
		this.store = store;
		this.clock = clock;
		this.refreshMillis = refreshMillis;
	}

	/** Makes the next read go to the database. Called after every write of a target on this node. */
	public void invalidate() {
		generation.incrementAndGet();
	}

	@Override
	public List<Target> deliverableTargets() {
		return current().deliverable;
	}

	@Override
	public Target getTarget(long targetId) {
		Target cached = current().byId.get(targetId);
		// a target created on another node since the last reload is not cached yet
		return cached != null ? cached : store.findById(targetId);
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		if (s != null && isFresh(s)) {
			return s;
		}
		synchronized (this) {
			s = snapshot;
			if (s != null && isFresh(s)) {
				return s;
			}
			long loadingGeneration = generation.get();
			long now = clock.millis();
			try {
				s = new Snapshot(store.list(true), loadingGeneration, now);
			}
			catch (RuntimeException e) {
				if (s == null) {
					throw e;
				}
				log.warn("Could not reload the webhook targets; using the ones read at {}", s.loadedAt, e);
				s = new Snapshot(s, loadingGeneration, now);
			}
			snapshot = s;
			return s;
		}
	}

	private boolean isFresh(Snapshot s) {
		long now = clock.millis();
		return s.generation == generation.get() && now >= s.loadedAt && now - s.loadedAt < refreshMillis;
	}

	private static final class Snapshot {

		final List<Target> deliverable;

		final Map<Long, Target> byId;

		final long generation;

		final long loadedAt;

		Snapshot(List<Target> all, long generation, long loadedAt) {
			List<Target> deliverable = new ArrayList<>();
			Map<Long, Target> byId = new HashMap<>();
			for (Target t : all) {
				byId.put(t.getId(), t);
				if (t.isEnabled() && !t.isRetired() && t.getHealth().getState() != TargetState.DISABLED) {
					deliverable.add(t);
				}
			}
			this.deliverable = Collections.unmodifiableList(deliverable);
			this.byId = Collections.unmodifiableMap(byId);
			this.generation = generation;
			this.loadedAt = loadedAt;
		}

		/** The same targets, served again until the next refresh is due (not on every call while the database is down). */
		Snapshot(Snapshot stale, long generation, long retriedAt) {
			this.deliverable = stale.deliverable;
			this.byId = stale.byId;
			this.generation = generation;
			this.loadedAt = retriedAt;
		}
	}
}

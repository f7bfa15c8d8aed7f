package org.openmrs.module.webhooks.quality;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.openmrs.module.webhooks.delivery.DeliveryEngine;
import org.openmrs.module.webhooks.delivery.EngineOptions;
import org.openmrs.module.webhooks.delivery.LatchWakeUp;
import org.openmrs.module.webhooks.delivery.http.HttpTransport;
import org.openmrs.module.webhooks.outbox.ConnectionSource;
import org.openmrs.module.webhooks.outbox.SqlDialect;

/**
 * The delivery engine alone in a JVM of its own, as it runs inside OpenMRS: started by {@link ChildEngine} for
 * the kill -9 and backlog tests. Nothing signals it across the process boundary, so it finds new events by
 * polling, as a second OpenMRS node does.
 *
 * <p>Arguments: jdbcUrl user password workers leaseMillis pollMillis heapSampleMillis (0 = no sampling).
 * Prints {@code READY <nodeId>} once started; with sampling, {@code HEAP <used bytes>} after each forced full
 * GC; stops cleanly on {@code stop} (or end of input) and prints
 * {@code STOPPED maxHeapAfterGc=<bytes> samples=<n> peakHeap=<bytes>}.
 */
public final class EngineProcess {

	private EngineProcess() {
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		int workers = Integer.parseInt(args[3]);
		long leaseMillis = Long.parseLong(args[4]);
		long pollMillis = Long.parseLong(args[5]);
		long heapSampleMillis = Long.parseLong(args[6]);

		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(args[1]);
		config.setPassword(args[2]);
		config.setMaximumPoolSize(workers + 6);
		config.setPoolName("engine-process");
		HikariDataSource pool = new HikariDataSource(config);
		SqlDialect dialect = url.startsWith("jdbc:postgresql:") ? SqlDialect.POSTGRESQL
		        : url.startsWith("jdbc:h2:") ? SqlDialect.H2 : SqlDialect.MYSQL;
		ConnectionSource db = new ConnectionSource() {

			@Override
			public Connection getConnection() throws SQLException {
				return pool.getConnection();
			}

			@Override
			public SqlDialect getDialect() {
				return dialect;
			}
		};

		AtomicLong maxAfterGc = new AtomicLong();
		AtomicLong samples = new AtomicLong();
		if (heapSampleMillis > 0) {
			Thread sampler = new Thread(() -> sampleHeap(heapSampleMillis, maxAfterGc, samples), "heap-sampler");
			sampler.setDaemon(true);
			sampler.start();
		}

		HttpTransport transport = Wiring.transport();
		DeliveryEngine engine = Wiring.engine(db, transport, new LatchWakeUp(), Clock.systemUTC(), new Random(),
		    EngineOptions.defaults().withWorkers(workers).withLeaseMillis(leaseMillis).withPollMillis(pollMillis));
		engine.start();
		System.out.println("READY " + engine.nodeId());
		System.out.flush();

		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
			// wait for the parent
		}
		engine.stop();
		transport.close();
		pool.close();
		if (heapSampleMillis > 0) {
			sample(maxAfterGc, samples);
		}
		System.out.println("STOPPED maxHeapAfterGc=" + maxAfterGc.get() + " samples=" + samples.get() + " peakHeap="
		        + peakHeap());
		System.out.flush();
		System.exit(0);
	}

	private static void sampleHeap(long every, AtomicLong max, AtomicLong samples) {
		while (true) {
			try {
				Thread.sleep(every);
			}
			catch (InterruptedException e) {
				return;
			}
			long used = sample(max, samples);
			System.out.println("HEAP " + used);
			System.out.flush();
		}
	}

	/** The live heap: used right after a full collection. */
	private static long sample(AtomicLong max, AtomicLong samples) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long used = memory.getHeapMemoryUsage().getUsed();
		max.accumulateAndGet(used, Math::max);
		samples.incrementAndGet();
		return used;
	}

	/** The highest the heap got, garbage included (what -Xmx has to hold). */
	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}
}

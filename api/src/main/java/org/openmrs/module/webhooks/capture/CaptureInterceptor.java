package org.openmrs.module.webhooks.capture;

import java.io.Serializable;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hibernate.EmptyInterceptor;
import org.hibernate.JDBCException;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.hibernate.type.Type;
import org.openmrs.module.webhooks.outbox.OutboxRow;
import org.openmrs.module.webhooks.outbox.OutboxSignal;
import org.openmrs.module.webhooks.outbox.OutboxWriter;
import org.openmrs.module.webhooks.outbox.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Change capture: a Hibernate interceptor (core chains every {@code Interceptor} bean into its session factory)
 * that records, per transaction, which patients, encounters, obs and visits changed and how, and writes them to
 * the outbox table with one INSERT on the transaction's own connection after the flush and before the commit,
 * so the events commit or roll back with the change. After a commit that wrote events it raises the
 * {@link OutboxSignal}.
 *
 * <p>Transactions nest on a thread (REQUIRES_NEW), so buffers live on a per-thread stack: pushed by
 * {@link #afterTransactionBegin}, written by {@link #beforeTransactionCompletion} (which Hibernate calls on commit
 * only), popped by {@link #afterTransactionCompletion}. A transaction that changed nothing of interest allocates
 * nothing and runs no statement. No callback ever throws: core's interceptor chain has no try/catch, and a failure
 * here must never fail or lose the clinical save; failures are logged without patient data and counted in
 * {@link CaptureStats}. Thread-safe; one instance per session factory.
 */
public class CaptureInterceptor extends EmptyInterceptor {

	private static final long serialVersionUID = 1L;

	private static final Logger log = LoggerFactory.getLogger(CaptureInterceptor.class);

	/**
	 * Set only while a transaction is open on the thread, removed when its outermost one completes: a value left on a
	 * pooled thread (Tomcat's, core's scheduler's) would hold the module's class loader after the module stopped.
	 */
	private final transient ThreadLocal<CaptureStack> stacks = new ThreadLocal<>();

	private final transient Classifier classifier;

	private final transient EventAssembler assembler;

	private final transient OutboxWriter writer = new OutboxWriter();

	private final transient CurrentSession sessions;

	private final transient OutboxSignal signal;

	private final transient CaptureStats stats;

	private final transient Clock clock;

	private transient volatile SqlDialect dialect;

	/** For Spring: the session factory is looked up lazily through core's {@code Context}. */
	public CaptureInterceptor(OutboxSignal signal, CaptureStats stats, Clock clock) {
		this(CaptureTable.standard(), new ContextCurrentSession(), signal, stats, clock);
	}

	CaptureInterceptor(CaptureTable table, CurrentSession sessions, OutboxSignal signal, CaptureStats stats,
	    Clock clock) {
		this.classifier = new Classifier(table);
		this.assembler = new EventAssembler(table);
		this.sessions = sessions;
		this.signal = signal;
		this.stats = stats;
		this.clock = clock;
	}

	@Override
	public void afterTransactionBegin(Transaction tx) {
		try {
			CaptureStack stack = stacks.get();
			if (stack == null) {
				stack = new CaptureStack();
				stacks.set(stack);
			}
			if (!stack.push()) {
				stacks.remove();
				stats.callbackError();
				log.error("Webhooks: transaction begin/complete callbacks out of step; capture state reset");
			}
			MergeNotes.transactionBegun();
		}
		catch (RuntimeException | LinkageError e) {
			callbackFailed("afterTransactionBegin", null, e);
		}
	}

	@Override
	public boolean onSave(Object entity, Serializable id, Object[] state, String[] propertyNames, Type[] types) {
		record(entity, id, state, null, propertyNames, Classifier.Op.SAVE);
		return false;
	}

	@Override
	public boolean onFlushDirty(Object entity, Serializable id, Object[] currentState, Object[] previousState,
	        String[] propertyNames, Type[] types) {
		record(entity, id, currentState, previousState, propertyNames, Classifier.Op.UPDATE);
		return false;
	}

	@Override
	public void onDelete(Object entity, Serializable id, Object[] state, String[] propertyNames, Type[] types) {
		record(entity, id, state, null, propertyNames, Classifier.Op.DELETE);
	}

	@Override
	public void onCollectionRecreate(Object collection, Serializable key) {
		recordCollection(collection);
	}

	@Override
	public void onCollectionRemove(Object collection, Serializable key) {
		recordCollection(collection);
	}

	@Override
	public void onCollectionUpdate(Object collection, Serializable key) {
		recordCollection(collection);
	}

	@Override
	public void beforeTransactionCompletion(Transaction tx) {
		List<OutboxRow> rows = null;
		try {
			CaptureStack stack = stacks.get();
			TxBuffer buffer = stack == null ? null : stack.current();
			if (buffer == null) {
				return;
			}
			MergeNotes.claim(buffer, stack.depth());
			if (buffer.isEmpty()) {
				return;
			}
			rows = assembler.rows(buffer, clock.millis());
			if (rows.isEmpty()) {
				return;
			}
			write(tx, rows);
			buffer.written = true;
			stats.written(rows.size());
		}
		catch (RuntimeException | LinkageError e) {
			writeFailed(rows, e);
		}
	}

	@Override
	public void afterTransactionCompletion(Transaction tx) {
		try {
			CaptureStack stack = stacks.get();
			int depth = stack == null ? 0 : stack.depth();
			TxBuffer buffer = depth == 0 ? null : stack.pop();
			if (depth <= 1) {
				stacks.remove();
			}
			MergeNotes.transactionCompleted(depth);
			if (buffer == null) {
				return;
			}
			boolean written = buffer.written;
			buffer.reset();
			if (written && tx != null && committed(tx.getStatus())) {
				signal.signal();
			}
		}
		catch (RuntimeException | LinkageError e) {
			callbackFailed("afterTransactionCompletion", null, e);
		}
	}

	/**
	 * COMMITTED, or NOT_ACTIVE: Hibernate resets the status to NOT_ACTIVE before this callback when it gives an
	 * auto-commit connection back its auto-commit mode. Events were written, so a rare wake-up after a failed
	 * commit costs one empty poll; a missed one would cost latency.
	 */
	private static boolean committed(TransactionStatus status) {
		return status == TransactionStatus.COMMITTED || status == TransactionStatus.NOT_ACTIVE;
	}

	private void record(Object entity, Serializable id, Object[] state, Object[] previous, String[] names,
	        Classifier.Op op) {
		try {
			CaptureStack stack = stacks.get();
			TxBuffer buffer = stack == null ? null : stack.current();
			if (buffer != null) {
				classifier.entity(buffer, entity, id, state, previous, names, op);
			}
		}
		catch (RuntimeException | LinkageError e) {
			callbackFailed(op.name(), entity, e);
		}
	}

	private void recordCollection(Object collection) {
		try {
			CaptureStack stack = stacks.get();
			TxBuffer buffer = stack == null ? null : stack.current();
			if (buffer != null) {
				classifier.collection(buffer, collection);
			}
		}
		catch (RuntimeException | LinkageError e) {
			callbackFailed("collection", null, e);
		}
	}

	private void write(Transaction tx, List<OutboxRow> rows) {
		Session session = sessions.get();
		if (session.getTransaction() != tx) {
			// the current session belongs to another transaction: writing there would not be atomic
			throw new IllegalStateException("the current session is not the one committing");
		}
		session.doWork(connection -> {
			SqlDialect d = dialect;
			if (d == null) {
				d = SqlDialect.of(connection);
				dialect = d;
			}
			writer.write(connection, d, rows);
		});
	}

	private void writeFailed(List<OutboxRow> rows, Throwable e) {
		int count = rows == null ? 0 : rows.size();
		stats.failed(count);
		SQLException sql = e instanceof JDBCException ? ((JDBCException) e).getSQLException() : null;
		// no message: database messages can quote values; event types and SQL state identify the failure
		log.error("Webhooks: could not write {} outbox event(s) {}; the clinical change commits without them"
		        + " (counted in capture.failures). Cause: {}{}",
		    count, summary(rows), e.getClass().getName(),
		    sql == null ? "" : " SQLState " + sql.getSQLState() + " error " + sql.getErrorCode());
	}

	private void callbackFailed(String callback, Object entity, Throwable e) {
		stats.callbackError();
		log.error("Webhooks: capture callback {} failed on {} ({}); a change may be missing from the outbox", callback,
		    entity == null ? "-" : entity.getClass().getName(), e.getClass().getName());
	}

	private static String summary(List<OutboxRow> rows) {
		Map<String, Integer> byType = new TreeMap<>();
		if (rows != null) {
			for (OutboxRow row : rows) {
				byType.merge(row.getType(), 1, Integer::sum);
			}
		}
		return byType.toString();
	}
}

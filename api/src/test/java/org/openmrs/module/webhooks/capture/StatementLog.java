package org.openmrs.module.webhooks.capture;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Wraps a DataSource and records the SQL of every statement execution on its connections. */
final class StatementLog {

	private final List<String> executed = new ArrayList<>();

	DataSource wrap(DataSource target) {
		return proxy(DataSource.class, target, (method, args, result) -> method.getName().equals("getConnection")
		        ? connection((Connection) result) : result);
	}

	synchronized void clear() {
		executed.clear();
	}

	synchronized List<String> all() {
		return new ArrayList<>(executed);
	}

	/** Executions of the module's own SQL (outbox insert, savepoint). */
	synchronized List<String> module() {
		List<String> mine = new ArrayList<>();
		for (String sql : executed) {
			if (sql.contains("webhooks_") || sql.contains("SAVEPOINT")) {
				mine.add(sql);
			}
		}
		return mine;
	}

	private synchronized void record(String sql) {
		executed.add(sql);
	}

	private Connection connection(Connection target) {
		return proxy(Connection.class, target, (method, args, result) -> {
			switch (method.getName()) {
				case "prepareStatement":
					return statement(PreparedStatement.class, (Statement) result, (String) args[0]);
				case "prepareCall":
					return statement(CallableStatement.class, (Statement) result, (String) args[0]);
				case "createStatement":
					return statement(Statement.class, (Statement) result, null);
				default:
					return result;
			}
		});
	}

	private <T extends Statement> T statement(Class<T> type, Statement target, String preparedSql) {
		return proxy(type, type.cast(target), (method, args, result) -> result, (method, args) -> {
			if (method.getName().startsWith("execute")) {
				record(args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : preparedSql);
			}
		});
	}

	private interface After {

		Object apply(Method method, Object[] args, Object result) throws Exception;
	}

	private interface Before {

		void accept(Method method, Object[] args);
	}

	private static <T> T proxy(Class<T> type, T target, After after) {
		return proxy(type, target, after, (m, a) -> {});
	}

	private static <T> T proxy(Class<T> type, T target, After after, Before before) {
		InvocationHandler handler = (p, method, args) -> {
			before.accept(method, args);
			try {
				return after.apply(method, args, method.invoke(target, args));
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
		};
		return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] { type }, handler));
	}
}

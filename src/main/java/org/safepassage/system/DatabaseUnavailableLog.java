package org.safepassage.system;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line, not one stack trace per request, when requests are answered 503 because
 * the database is away (stopped, restarting, or its disk full): at most one line per ten
 * seconds, with the number of such answers since the last line.
 */
final class DatabaseUnavailableLog {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableLog.class);

	private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

	private static final AtomicLong lastLine = new AtomicLong(System.nanoTime() - EVERY_NANOS);

	private static final AtomicLong answered = new AtomicLong();

	private DatabaseUnavailableLog() {
	}

	static void answered503(Throwable cause) {
		long count = answered.incrementAndGet();
		long last = lastLine.get();
		long now = System.nanoTime();
		if (now - last >= EVERY_NANOS && lastLine.compareAndSet(last, now)) {
			answered.addAndGet(-count);
			log.warn("Database unavailable, answered 503 ({} since the last such line): {}", count, rootMessage(cause));
		}
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}

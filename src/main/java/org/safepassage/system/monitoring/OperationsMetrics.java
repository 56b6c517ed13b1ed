package org.safepassage.system.monitoring;

import java.util.Optional;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.safepassage.system.database.EmbeddedDatabaseSupervisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The operations figures at {@code /actuator/prometheus}: the embedded database's
 * restarts and state, its disk, the mail server, the mail queue and the suppression list.
 * A value that is not known (no SMTP server configured, an external database) is NaN.
 */
@Component
class OperationsMetrics implements MeterBinder {

	private final Optional<EmbeddedDatabaseSupervisor> database;

	private final DiskSpace disk;

	private final MailServerProbe mailServer;

	private final MailFigures mail;

	OperationsMetrics(ObjectProvider<EmbeddedDatabaseSupervisor> database, DiskSpace disk, MailServerProbe mailServer,
			MailFigures mail) {
		this.database = Optional.ofNullable(database.getIfAvailable());
		this.disk = disk;
		this.mailServer = mailServer;
		this.mail = mail;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		database.ifPresent(db -> {
			FunctionCounter.builder("safepassage.database.restarts", db, EmbeddedDatabaseSupervisor::restarts)
				.description("Restarts of the embedded PostgreSQL after it died")
				.register(registry);
			Gauge
				.builder("safepassage.database.up", db,
						d -> d.state() == EmbeddedDatabaseSupervisor.State.RUNNING ? 1 : 0)
				.description("1 while the embedded PostgreSQL runs, 0 while it is being restarted")
				.register(registry);
		});
		Gauge.builder("safepassage.disk.free", disk, d -> d.read().map(r -> (double) r.freeBytes()).orElse(Double.NaN))
			.baseUnit("bytes")
			.description("Free space on the embedded database's file system")
			.register(registry);
		Gauge.builder("safepassage.disk.low", disk, d -> d.read().map(r -> r.low() ? 1.0 : 0.0).orElse(Double.NaN))
			.description("1 when the database's free space is below the warning threshold")
			.register(registry);
		Gauge
			.builder("safepassage.mail.server.reachable", mailServer,
					m -> m.last().map(r -> r.reachable() ? 1.0 : 0.0).orElse(Double.NaN))
			.description("1 when the SMTP server answered the latest probe, 0 when it did not")
			.register(registry);
		Gauge.builder("safepassage.mail.queue.depth", mail, m -> m.current().queueDepth())
			.description("Mails waiting to be sent (pending or being sent)")
			.register(registry);
		Gauge.builder("safepassage.mail.queue.oldest.age", mail, m -> m.current().oldestQueuedSeconds())
			.baseUnit("seconds")
			.description("Age of the oldest mail waiting to be sent")
			.register(registry);
		for (String reason : MailFigures.SUPPRESSION_REASONS) {
			Gauge
				.builder("safepassage.mail.suppressed", mail,
						m -> m.current().suppressedByReason().getOrDefault(reason, 0L))
				.tag("reason", reason)
				.description("Mailboxes nothing is sent to (bounces, complaints, staff)")
				.register(registry);
		}
	}

}

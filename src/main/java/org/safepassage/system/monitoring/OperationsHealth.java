package org.safepassage.system.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.safepassage.system.database.EmbeddedDatabaseSupervisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two health indicators: {@code embeddedDatabase} (DOWN while the supervisor restarts the
 * server, so readiness takes the instance out of rotation; with the disk's free space)
 * and {@code mailServer} (always UP: an SMTP outage is reported in its details, never
 * makes the instance DOWN, as mail waits in the outbox).
 */
@Configuration(proxyBeanMethods = false)
class OperationsHealth {

	@Bean
	HealthIndicator embeddedDatabaseHealthIndicator(ObjectProvider<EmbeddedDatabaseSupervisor> supervisor,
			DiskSpace disk, JdbcClient jdbc) {
		Optional<EmbeddedDatabaseSupervisor> embedded = Optional.ofNullable(supervisor.getIfAvailable());
		return () -> {
			if (embedded.isEmpty()) {
				return answers(jdbc).withDetail("embedded", false).build();
			}
			EmbeddedDatabaseSupervisor db = embedded.get();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("embedded", true);
			details.put("state", db.state());
			details.put("restarts", db.restarts());
			db.lastRestart().ifPresent(at -> details.put("lastRestart", at.toString()));
			db.lastProblem().ifPresent(problem -> details.put("lastProblem", problem));
			db.postmasterPid().ifPresent(pid -> details.put("postmasterPid", pid));
			disk.read().ifPresent(reading -> {
				details.put("diskFreeBytes", reading.freeBytes());
				details.put("diskFreePercent", Math.round(reading.freePercent() * 10) / 10.0);
				details.put("diskLow", reading.low());
			});
			// While the supervisor restarts the server, DOWN at once: asking the pool
			// would wait
			// for its connection timeout, and a probe during a short outage would see UP.
			Health.Builder health = db.state() == EmbeddedDatabaseSupervisor.State.RUNNING ? answers(jdbc)
					: Health.down();
			return health.withDetails(details).build();
		};
	}

	/** The readiness group's database check (Spring's {@code db} is left out of it). */
	private static Health.Builder answers(JdbcClient jdbc) {
		try {
			jdbc.sql(MonitoringQueries.DATABASE_ANSWERS).query(Integer.class).single();
			return Health.up();
		}
		catch (DataAccessException e) {
			return Health.down().withDetail("error", e.getMostSpecificCause().getMessage());
		}
	}

	@Bean
	HealthIndicator mailServerHealthIndicator(MailServerProbe probe, MailFigures mail) {
		return () -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("configured", probe.configured());
			probe.last().ifPresent(result -> {
				details.put("reachable", result.reachable());
				details.put("checkedAt", result.checkedAt().toString());
				if (result.problem() != null) {
					details.put("problem", result.problem());
				}
			});
			MailFigures.Figures figures = mail.current();
			details.put("queueDepth", figures.queueDepth());
			details.put("oldestQueuedSeconds", Math.round(figures.oldestQueuedSeconds()));
			return Health.up().withDetails(details).build();
		};
	}

}

package org.safepassage.system.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether the SMTP server answers, asked every {@code mail-probe-interval} through the
 * application's own mail sender (connect and log in, nothing sent). Its outage is
 * reported, never fatal: mail waits in the outbox meanwhile.
 */
@Component
class MailServerProbe {

	private static final Logger log = LoggerFactory.getLogger(MailServerProbe.class);

	private final Optional<JavaMailSenderImpl> sender;

	private final MonitoringProperties properties;

	private final Clock clock;

	private final ExecutorService asking = Executors.newVirtualThreadPerTaskExecutor();

	private volatile Result last;

	private volatile CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

	MailServerProbe(ObjectProvider<JavaMailSenderImpl> sender, MonitoringProperties properties, Clock clock) {
		this.sender = Optional.ofNullable(sender.getIfAvailable());
		this.properties = properties;
		this.clock = clock;
	}

	/** The answer of the latest probe; {@code problem} is null when it answered. */
	record Result(boolean reachable, Instant checkedAt, String problem) {
	}

	boolean configured() {
		return sender.isPresent();
	}

	/** Empty until the first probe has finished, or when no SMTP server is configured. */
	Optional<Result> last() {
		return Optional.ofNullable(last);
	}

	void probe() {
		if (sender.isEmpty() || !running.isDone()) {
			// A probe still hanging on a server that does not answer is answer enough.
			return;
		}
		JavaMailSenderImpl smtp = sender.get();
		running = CompletableFuture.runAsync(() -> {
			try {
				smtp.testConnection();
			}
			catch (Exception e) {
				throw new IllegalStateException(e.getMessage(), e);
			}
		}, asking);
		try {
			running.get(properties.mailProbeTimeout().toMillis(), TimeUnit.MILLISECONDS);
			record(new Result(true, clock.instant(), null));
		}
		catch (TimeoutException e) {
			record(new Result(false, clock.instant(), "no answer within " + properties.mailProbeTimeout()));
		}
		catch (ExecutionException e) {
			record(new Result(false, clock.instant(), String.valueOf(e.getCause().getMessage())));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void record(Result result) {
		Result before = last;
		if (before == null || before.reachable() != result.reachable()) {
			if (result.reachable()) {
				log.info("Mail server {}:{} answers", sender.get().getHost(), sender.get().getPort());
			}
			else {
				log.warn("Mail server {}:{} unreachable ({}); mail waits in the outbox", sender.get().getHost(),
						sender.get().getPort(), result.problem());
			}
		}
		last = result;
	}

}

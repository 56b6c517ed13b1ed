package org.safepassage.system.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.safepassage.shared.Backoff;
import org.safepassage.system.SafePassageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded PostgreSQL running. The OOM killer (or anyone) may kill the
 * postmaster; without this the application would refuse every write until restarted by
 * hand. A probe notices the death within {@code probe-interval}, kills the backends it
 * left behind (they hold the shared memory, and a new postmaster refuses to start beside
 * them), and starts a new server on the same data directory and port, where PostgreSQL's
 * crash recovery replays the WAL: every committed transaction is there again. A server
 * that keeps dying (a full disk) is restarted with a doubling delay.
 */
public final class EmbeddedDatabaseSupervisor implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseSupervisor.class);

	/** Room for a few 16 MB WAL segments: what crash recovery needs to write. */
	private static final long MIN_FREE_TO_START = 64L << 20;

	/** Whether the server answers, as far as the supervisor knows. */
	public enum State {

		RUNNING, RESTARTING

	}

	/** Starts a server on the data directory and the given port. */
	interface Starter {

		EmbeddedPostgres start(int port) throws IOException;

	}

	private final Starter starter;

	private final Path dataDir;

	private final SafePassageProperties.EmbeddedDb settings;

	private final Clock clock;

	private final int port;

	private final ScheduledExecutorService probe;

	private final AtomicLong restarts = new AtomicLong();

	private volatile EmbeddedPostgres postgres;

	private volatile ProcessHandle postmaster;

	private volatile List<ProcessHandle> backends = List.of();

	private volatile State state = State.RUNNING;

	private volatile Instant lastRestart;

	private volatile String lastProblem;

	private volatile Runnable afterRestart = () -> {
	};

	private volatile boolean closed;

	private int failuresInARow;

	private boolean waitingForSpace;

	EmbeddedDatabaseSupervisor(EmbeddedPostgres first, Starter starter, Path dataDir,
			SafePassageProperties.EmbeddedDb settings, Clock clock) {
		this.postgres = first;
		this.starter = starter;
		this.dataDir = dataDir;
		this.settings = settings;
		this.clock = clock;
		this.port = first.getPort();
		this.postmaster = postmasterOf(dataDir).orElse(null);
		this.probe = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("embedded-db-supervisor").daemon(true).factory());
		long every = settings.probeInterval().toMillis();
		this.probe.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	/** Run after every successful restart (the pool drops its dead connections). */
	void afterRestart(Runnable action) {
		this.afterRestart = action;
	}

	public State state() {
		return state;
	}

	public long restarts() {
		return restarts.get();
	}

	public Optional<Instant> lastRestart() {
		return Optional.ofNullable(lastRestart);
	}

	public Optional<String> lastProblem() {
		return Optional.ofNullable(lastProblem);
	}

	public Path dataDir() {
		return dataDir;
	}

	public int port() {
		return port;
	}

	public Optional<Long> postmasterPid() {
		ProcessHandle current = postmaster;
		return current == null || state != State.RUNNING ? Optional.empty() : Optional.of(current.pid());
	}

	private void check() {
		if (closed || state != State.RUNNING) {
			return;
		}
		ProcessHandle current = postmaster;
		if (current != null && alive(current)) {
			// Remembered while the postmaster lives: once it is dead its children belong
			// to init and can no longer be told from other processes.
			backends = current.children().toList();
			return;
		}
		state = State.RESTARTING;
		lastProblem = "postmaster " + (current == null ? "unknown" : "pid " + current.pid()) + " died at "
				+ clock.instant();
		Duration delay = recentlyRestarted()
				? Backoff.exponential(settings.firstRestartDelay(), settings.maxRestartDelay(), ++failuresInARow)
				: Duration.ZERO;
		if (delay.isZero()) {
			failuresInARow = 0;
		}
		log.error("Embedded PostgreSQL died ({}); restarting it on {} port {} in {} ms", lastProblem, dataDir, port,
				delay.toMillis());
		stopLeftovers();
		probe.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private boolean recentlyRestarted() {
		Instant last = lastRestart;
		return last != null && last.plus(settings.maxRestartDelay()).isAfter(clock.instant());
	}

	private void stopLeftovers() {
		List<ProcessHandle> left = backends.stream().filter(ProcessHandle::isAlive).toList();
		left.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle backend : left) {
			try {
				backend.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception e) {
				log.warn("PostgreSQL backend pid {} did not exit: {}", backend.pid(), e.toString());
			}
		}
		try {
			// Releases zonky's lock on the data directory; stopping the dead server
			// itself fails, which is expected.
			postgres.close();
		}
		catch (IOException | RuntimeException e) {
			log.debug("Closing the dead server: {}", e.toString());
		}
	}

	private void restart() {
		if (closed) {
			return;
		}
		try {
			long usable = Files.getFileStore(dataDir).getUsableSpace();
			if (usable < MIN_FREE_TO_START) {
				waitForSpace(usable);
				return;
			}
			// A start that failed keeps zonky's lock on this file (its instance is never
			// returned to be closed); the server it guards is dead, so a new file will
			// do.
			Files.deleteIfExists(dataDir.resolve("epg-lock"));
			waitingForSpace = false;
			EmbeddedPostgres started = starter.start(port);
			postgres = started;
			postmaster = postmasterOf(dataDir).orElse(null);
			lastRestart = clock.instant();
			restarts.incrementAndGet();
			state = State.RUNNING;
			log.warn("Embedded PostgreSQL restarted (restart {}, postmaster pid {})", restarts.get(),
					postmasterPid().map(String::valueOf).orElse("unknown"));
			afterRestart.run();
		}
		catch (IOException | RuntimeException e) {
			Duration delay = Backoff.exponential(settings.firstRestartDelay(), settings.maxRestartDelay(),
					++failuresInARow);
			lastProblem = "restart failed at " + clock.instant() + ": " + e;
			log.error("Embedded PostgreSQL did not restart ({}); next attempt in {} ms", e, delay.toMillis());
			// A server still starting when zonky gave up waiting would block the next
			// try.
			postmasterOf(dataDir).filter(EmbeddedDatabaseSupervisor::alive).ifPresent(stray -> {
				backends = stray.children().toList();
				stray.destroyForcibly();
				stray.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(ignored -> stray).join();
				stopLeftovers();
			});
			probe.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * A killed postmaster is a zombie until init reaps it, which in a container can take
	 * a while; {@link ProcessHandle#isAlive()} still counts a zombie as alive.
	 */
	private static boolean alive(ProcessHandle process) {
		if (!process.isAlive()) {
			return false;
		}
		Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
		try {
			String line = Files.exists(stat) ? Files.readString(stat) : "";
			int end = line.lastIndexOf(')');
			return end < 0 || end + 2 >= line.length() || line.charAt(end + 2) != 'Z';
		}
		catch (IOException e) {
			return process.isAlive();
		}
	}

	/**
	 * PostgreSQL that stopped on a full disk fails again at start-up until there is room
	 * for its recovery's WAL, and each failed start waits out zonky's start-up timeout;
	 * so wait for the space instead, checking as often as the probe.
	 */
	private void waitForSpace(long usable) {
		if (!waitingForSpace) {
			waitingForSpace = true;
			lastProblem = "waiting for free disk space since " + clock.instant() + " (" + (usable >> 20) + " MB free)";
			log.error("Embedded PostgreSQL cannot restart: {} MB free in {}; restarting when {} MB are free",
					usable >> 20, dataDir, MIN_FREE_TO_START >> 20);
		}
		probe.schedule(this::restart, settings.probeInterval().toMillis(), TimeUnit.MILLISECONDS);
	}

	static Optional<ProcessHandle> postmasterOf(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		try {
			List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
			if (lines.isEmpty()) {
				return Optional.empty();
			}
			return ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
				.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	@Override
	public void close() throws IOException {
		closed = true;
		probe.shutdownNow();
		try {
			probe.awaitTermination(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		postgres.close();
	}

}

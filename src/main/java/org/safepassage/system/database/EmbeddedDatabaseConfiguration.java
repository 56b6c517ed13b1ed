package org.safepassage.system.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.safepassage.system.SafePassageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The zero-setup database: a PostgreSQL 18 server run from binaries on the classpath, its
 * data kept in {@code ./data} across restarts. Not started at all when
 * {@code spring.datasource.url} is set. An {@link EmbeddedDatabaseSupervisor} restarts it
 * when it dies.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseSupervisor embeddedPostgres(SafePassageProperties properties, Clock clock) throws IOException {
		Path dataDir = properties.embeddedDb().dataDir().toAbsolutePath().normalize();
		Files.createDirectories(dataDir);
		stopServerLeftByCrashedProcess(dataDir);
		log.info("Starting embedded PostgreSQL with data in {}", dataDir);
		EmbeddedPostgres first;
		try {
			first = start(dataDir, properties.embeddedDb().port());
		}
		catch (IOException | RuntimeException e) {
			// Seen once on a loaded machine: an interrupt while zonky probes the OS. One
			// retry is enough.
			Thread.interrupted();
			log.warn("Embedded PostgreSQL did not start ({}); trying once more", e.getMessage());
			stopServerLeftByCrashedProcess(dataDir);
			first = start(dataDir, properties.embeddedDb().port());
		}
		return new EmbeddedDatabaseSupervisor(first, port -> start(dataDir, port), dataDir, properties.embeddedDb(),
				clock);
	}

	private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			// zonky's defaults trade durability for test speed; supporters' signatures
			// must survive a crash.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "200")
			.setServerConfig("shared_buffers", "256MB")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	/**
	 * The same {@code spring.datasource.hikari.*} settings apply as for an external
	 * database.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabaseSupervisor postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.jdbcUrl());
		dataSource.setUsername("postgres");
		dataSource.setPoolName("embedded");
		// Connections to the dead server fail at their next use; dropping them at once
		// spares the first requests after a restart those errors.
		postgres.afterRestart(() -> {
			HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
			if (pool != null) {
				pool.softEvictConnections();
			}
		});
		return dataSource;
	}

	/**
	 * After a SIGKILL of the JVM the PostgreSQL server it started keeps running and holds
	 * the data directory. Stop it (SIGTERM: PostgreSQL's smart shutdown, which finishes
	 * cleanly) so we can start.
	 */
	private static void stopServerLeftByCrashedProcess(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
		if (orphan.isEmpty()) {
			return;
		}
		log.warn("Stopping PostgreSQL (pid {}) left running by an earlier process", orphan.get().pid());
		orphan.get().destroy();
		try {
			orphan.get().onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException("PostgreSQL left by an earlier run did not stop; stop it and retry", e);
		}
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}

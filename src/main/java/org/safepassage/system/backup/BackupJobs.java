package org.safepassage.system.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.safepassage.system.SafePassageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The daily backup of the embedded database, at the time and with the retention of
 * {@link BackupProperties}. An external database is backed up with its own tools
 * (docs/operations.md), so nothing is scheduled then.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class BackupJobs implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(BackupJobs.class);

	private final BackupProperties properties;

	private final Backups backups;

	private final DataSource dataSource;

	BackupJobs(BackupProperties properties, SafePassageProperties application, DataSource dataSource, Clock clock) {
		this.properties = properties;
		this.backups = new Backups(application.embeddedDb().dataDir(),
				properties.keyFile(application.embeddedDb().dataDir()), properties.keep(), clock);
		this.dataSource = dataSource;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (this.properties.enabled()) {
			registrar.addCronTask(this::backUp, this.properties.dailyCron());
		}
	}

	void backUp() {
		try {
			this.backups.backUp(this::openSession, this.properties.directory());
		}
		catch (Exception ex) {
			log.error("The daily backup failed: {}", ex.getMessage(), ex);
		}
	}

	/**
	 * A session of its own, outside the pool: a backup in progress belongs to the session
	 * that started it, and must never be left on a pooled connection.
	 */
	private Connection openSession() throws SQLException {
		if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return this.dataSource.getConnection();
	}

}

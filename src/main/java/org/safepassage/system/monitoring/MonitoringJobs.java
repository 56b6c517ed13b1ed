package org.safepassage.system.monitoring;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The operations checks that run on their own, timed from their settings. */
@Configuration(proxyBeanMethods = false)
class MonitoringJobs implements SchedulingConfigurer {

	private final MailServerProbe mailServer;

	private final DiskSpace disk;

	private final MonitoringProperties properties;

	MonitoringJobs(MailServerProbe mailServer, DiskSpace disk, MonitoringProperties properties) {
		this.mailServer = mailServer;
		this.disk = disk;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.mailServer::probe, this.properties.mailProbeInterval());
		registrar.addFixedDelayTask(this.disk::read, this.properties.diskCheckInterval());
	}

}

package org.safepassage.letters.sending;

import org.safepassage.letters.campaign.LettersProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The module's background jobs, at the intervals of {@link LettersProperties}. Each is
 * safe on several instances at once (an advisory lock, or {@code SKIP LOCKED}).
 */
@Configuration(proxyBeanMethods = false)
class LetterJobs implements SchedulingConfigurer {

	private final LettersProperties properties;

	private final LetterRelease release;

	private final FollowUps followUps;

	LetterJobs(LettersProperties properties, LetterRelease release, FollowUps followUps) {
		this.properties = properties;
		this.release = release;
		this.followUps = followUps;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(release::release, properties.releaseInterval());
		registrar.addFixedDelayTask(() -> {
			followUps.askAboutReplies();
			followUps.scrub();
		}, properties.followUpInterval());
	}

}

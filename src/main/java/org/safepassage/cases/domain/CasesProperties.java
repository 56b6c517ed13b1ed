package org.safepassage.cases.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the cases module. An attachment is at most {@code attachmentSize} and a
 * case holds at most {@code attachments}; an approved export can be downloaded once,
 * within {@code exportWindow} of its approval; export requests (their reasons) are
 * deleted after {@code exportRetention}, looked for every {@code cleanupInterval}.
 * {@code retention}: when a case's protected part falls due for review and is erased.
 */
@ConfigurationProperties("safepassage.cases")
public record CasesProperties(@DefaultValue("8MB") DataSize attachmentSize, @DefaultValue("20") int attachments,
		@DefaultValue("24h") Duration exportWindow, @DefaultValue("365d") Duration exportRetention,
		@DefaultValue("50") int pageSize, @DefaultValue("6h") Duration cleanupInterval,
		@DefaultValue Retention retention) {

	/**
	 * A case no longer at risk (situation {@code SAFE}, or withdrawn from public view;
	 * never {@link Situation#atRisk() detained or at risk}) that no staff member touched
	 * for {@code reviewAfterMonths} is due for review; keeping it starts another such
	 * period. The job at {@code runAt} (in {@code zone}) erases the protected part of a
	 * case still due {@code graceMonths} after it first found it due.
	 */
	public record Retention(@DefaultValue("true") boolean enabled, @DefaultValue("24") int reviewAfterMonths,
			@DefaultValue("3") int graceMonths, @DefaultValue("04:45") LocalTime runAt,
			@DefaultValue("UTC") ZoneId zone) {

		public Retention {
			if (reviewAfterMonths < 1 || graceMonths < 1) {
				throw new IllegalArgumentException(
						"safepassage.cases.retention: review-after-months and grace-months must be at least 1");
			}
		}

	}

}

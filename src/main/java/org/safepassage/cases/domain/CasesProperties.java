package org.safepassage.cases.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the cases module. An attachment is at most {@code attachmentSize} and a
 * case holds at most {@code attachments}; an approved export can be downloaded once,
 * within {@code exportWindow} of its approval; export requests (their reasons) are
 * deleted after {@code exportRetention}, looked for every {@code cleanupInterval}.
 */
@ConfigurationProperties("safepassage.cases")
public record CasesProperties(@DefaultValue("8MB") DataSize attachmentSize, @DefaultValue("20") int attachments,
		@DefaultValue("24h") Duration exportWindow, @DefaultValue("365d") Duration exportRetention,
		@DefaultValue("50") int pageSize, @DefaultValue("6h") Duration cleanupInterval) {

}

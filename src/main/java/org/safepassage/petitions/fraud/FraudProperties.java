package org.safepassage.petitions.fraud;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fraud tools' settings.
 *
 * @param highlightShare the share of a window's signatures, in percent, above which an
 * address block, email domain or country is highlighted, unless staff set another for the
 * petition
 * @param highlightMinimum a group smaller than this is never highlighted (in a quiet hour
 * one signature is 100%)
 * @param groupsShown the largest groups of each kind the fraud page lists
 * @param pageSize signatures per page of the list of suspect ones
 * @param sampleSize signatures shown in the preview of a bulk invalidation
 * @param rulesTtl how long an instance signs with the allow and block lists it last read
 * (changes on the same instance apply at once)
 * @param refusalAuditInterval refused signatures are written to the audit log at most
 * once per rule in this interval, with their number
 */
@ConfigurationProperties("safepassage.petitions.fraud")
public record FraudProperties(@DefaultValue("20") int highlightShare, @DefaultValue("10") int highlightMinimum,
		@DefaultValue("25") int groupsShown, @DefaultValue("50") int pageSize, @DefaultValue("20") int sampleSize,
		@DefaultValue("10s") Duration rulesTtl, @DefaultValue("1m") Duration refusalAuditInterval) {
}

package org.safepassage.petitions.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.fraud.SigningRules;
import org.safepassage.petitions.signing.SignatureBatcher.PendingSignature;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Which signatures of a batch go over the per-address limits ({@link SignatureLimits}),
 * counting the recent signatures of each address and the earlier ones in the batch: one
 * query per petition in the batch. Addresses on the operator's allow-list and addresses
 * or email domains on staff's ({@link SigningRules}) are not limited.
 */
@Component
class OverLimitFlags {

	private final JdbcClient jdbc;

	private final SignatureLimits limits;

	private final List<IpAddressMatcher> allowList;

	private final SigningRules rules;

	OverLimitFlags(JdbcClient jdbc, SignatureLimits limits, SigningRules rules) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.rules = rules;
		this.allowList = limits.allowListMatchers();
	}

	/**
	 * The reason each flagged signature is flagged, by {@link PendingSignature#key()}.
	 */
	Map<String, String> of(List<PendingSignature> batch, Instant now) {
		Map<String, String> flags = new HashMap<>();
		if (!limits.enabled()) {
			return flags;
		}
		Map<Long, List<PendingSignature>> byPetition = new HashMap<>();
		for (PendingSignature p : batch) {
			if (p.ip() != null && !isAllowListed(p.ip()) && !rules.allows(p.ip(), p.canonicalEmail())) {
				byPetition.computeIfAbsent(p.petitionId(), id -> new ArrayList<>()).add(p);
			}
		}
		byPetition.forEach((petitionId, signatures) -> {
			String[] ips = signatures.stream().map(PendingSignature::ip).distinct().toArray(String[]::new);
			Map<String, long[]> recent = new HashMap<>();
			jdbc.sql(PetitionQueries.RECENT_BY_IP)
				.param("petitionId", petitionId)
				.param("ips", ips)
				.param("now", PetitionQueries.at(now))
				.param("burstSeconds", limits.burstWindow().toSeconds())
				.param("sustainedSeconds", limits.sustainedWindow().toSeconds())
				.query(rs -> {
					recent.put(rs.getString("ip"), new long[] { rs.getLong("in_burst"), rs.getLong("in_sustained") });
				});
			for (PendingSignature p : signatures) {
				long[] counts = recent.computeIfAbsent(p.ip(), ip -> new long[2]);
				String reason = limits.flagReason(counts[0], counts[1]);
				if (reason != null) {
					flags.put(p.key(), reason);
				}
				counts[0]++;
				counts[1]++;
			}
		});
		return flags;
	}

	private boolean isAllowListed(String ip) {
		for (IpAddressMatcher matcher : allowList) {
			if (matcher.matches(ip)) {
				return true;
			}
		}
		return false;
	}

}

package org.safepassage.petitions.fraud;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A signature as the fraud pages show it: the email partly masked, with why it is listed
 * (message keys with their argument).
 */
public record SuspectSignature(long id, String name, String maskedEmail, String country, Instant createdAt,
		boolean confirmed, boolean invalidated, String block, List<Reason> reasons) {

	/** A message key ({@code fraud.reason.*}) and the value it names. */
	public record Reason(String key, String value) {
	}

	static SuspectSignature map(ResultSet rs, List<String> blocks, List<String> domains, List<String> countries)
			throws SQLException {
		List<Reason> reasons = new ArrayList<>();
		String flag = rs.getString("flag_reason");
		if (flag != null) {
			reasons.add(new Reason("fraud.reason.flag." + flag, null));
		}
		String block = rs.getString("block");
		String domain = rs.getString("domain");
		String country = rs.getString("country");
		if (block != null && blocks.contains(block)) {
			reasons.add(new Reason("fraud.reason.block", block));
		}
		if (domains.contains(domain)) {
			reasons.add(new Reason("fraud.reason.domain", domain));
		}
		if (countries.contains(country)) {
			reasons.add(new Reason("fraud.reason.country", country));
		}
		return new SuspectSignature(rs.getLong("id"), rs.getString("name"), mask(rs.getString("email_canonical")),
				country, rs.getTimestamp("created_at").toInstant(), rs.getBoolean("confirmed"),
				rs.getBoolean("invalidated"), block, List.copyOf(reasons));
	}

	/**
	 * {@code j***@example.org}: enough to tell repeats and domains apart, not enough to
	 * read the address off the screen.
	 */
	static String mask(String email) {
		int at = email.lastIndexOf('@');
		if (at < 1) {
			return "***";
		}
		return email.charAt(0) + "***" + email.substring(at);
	}

}

package org.safepassage.petitions.fraud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.safepassage.petitions.domain.PetitionQueries;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * What a bulk invalidation matches; every criterion given applies (together). Values are
 * already checked and in canonical form: an address as written by {@link AddressRange}, a
 * range as its network, a domain in lower case, an email canonical, a country code in
 * upper case.
 */
public record Criteria(String address, String range, String domain, String email, String country, Instant from,
		Instant until) {

	public boolean isEmpty() {
		return address == null && range == null && domain == null && email == null && country == null && from == null
				&& until == null;
	}

	/**
	 * As the batch list and the audit log keep it, for good: a signer's email masked and
	 * a single address as its block, since both outlive the signatures' own retention.
	 */
	public String describe() {
		List<String> parts = new ArrayList<>();
		add(parts, "address", address == null ? null : "one in " + blockOf(address));
		add(parts, "range", range);
		add(parts, "domain", domain);
		add(parts, "email", email == null ? null : SuspectSignature.mask(email));
		add(parts, "country", country);
		add(parts, "from", from);
		add(parts, "until", until);
		return String.join(" ", parts);
	}

	private static String blockOf(String address) {
		return AddressRange.parse(address + (address.contains(":") ? "/48" : "/24")).toString();
	}

	private static void add(List<String> parts, String name, Object value) {
		if (value != null) {
			parts.add(name + "=" + value);
		}
	}

	StatementSpec bind(StatementSpec statement) {
		return statement.param("ip", address)
			.param("range", range)
			.param("domain", domain)
			.param("email", email)
			.param("country", country)
			.param("from", from == null ? null : PetitionQueries.at(from))
			.param("until", until == null ? null : PetitionQueries.at(until));
	}

}

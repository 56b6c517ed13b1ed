package org.safepassage.petitions.fraud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.safepassage.petitions.domain.PetitionQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a petition's recent signatures come from: by address block (IPv4 /24, IPv6 /48),
 * email domain and country over the last hour or day. A group holding more than the
 * petition's highlight share (and at least {@code highlight-minimum} signatures) is
 * highlighted, and its signatures are listed with the flagged ones.
 */
@Service
public class SignatureWatch {

	public enum Window {

		HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

		private final Duration length;

		Window(Duration length) {
			this.length = length;
		}

	}

	public record Group(String value, long signatures, long flagged, double share, boolean highlighted) {
	}

	public record Stats(Window window, Instant from, int highlightShare, long total, long flagged, long invalidated,
			List<Group> blocks, List<Group> domains, List<Group> countries) {

		List<String> highlighted(List<Group> groups) {
			return groups.stream().filter(Group::highlighted).map(Group::value).toList();
		}

	}

	public record SuspectPage(List<SuspectSignature> items, int page, boolean hasNext, long total) {
	}

	private final JdbcClient jdbc;

	private final FraudProperties properties;

	private final Clock clock;

	SignatureWatch(JdbcClient jdbc, FraudProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The petition's highlight share in percent: staff's, or the default. */
	public int highlightShare(long petitionId) {
		return jdbc.sql(PetitionQueries.WATCH_SHARE)
			.param("id", petitionId)
			.query(Integer.class)
			.optional()
			.orElse(properties.highlightShare());
	}

	@Transactional
	public void setHighlightShare(long petitionId, int percent) {
		jdbc.sql(PetitionQueries.SET_WATCH_SHARE).param("id", petitionId).param("share", percent).update();
	}

	@Transactional(readOnly = true)
	public Stats stats(long petitionId, Window window) {
		Instant from = clock.instant().minus(window.length);
		int share = highlightShare(petitionId);
		long[] totals = jdbc.sql(PetitionQueries.WATCH_TOTALS)
			.param("id", petitionId)
			.param("from", PetitionQueries.at(from))
			.query((rs, n) -> new long[] { rs.getLong("n"), rs.getLong("flagged"), rs.getLong("invalidated") })
			.single();
		long total = totals[0];
		Map<String, List<Group>> groups = Map.of("block", new ArrayList<>(), "domain", new ArrayList<>(), "country",
				new ArrayList<>());
		jdbc.sql(PetitionQueries.WATCH_BUCKETS)
			.param("id", petitionId)
			.param("from", PetitionQueries.at(from))
			.param("top", properties.groupsShown())
			.query(rs -> {
				long n = rs.getLong("n");
				double percent = total == 0 ? 0 : n * 100.0 / total;
				boolean highlighted = n >= properties.highlightMinimum() && percent > share;
				groups.get(rs.getString("kind"))
					.add(new Group(rs.getString("value"), n, rs.getLong("flagged"), percent, highlighted));
			});
		return new Stats(window, from, share, total, totals[1], totals[2], groups.get("block"), groups.get("domain"),
				groups.get("country"));
	}

	/**
	 * The window's flagged signatures and those in highlighted groups, newest first, one
	 * page.
	 */
	@Transactional(readOnly = true)
	public SuspectPage suspects(long petitionId, Stats stats, int page) {
		List<String> blocks = stats.highlighted(stats.blocks());
		List<String> domains = stats.highlighted(stats.domains());
		List<String> countries = stats.highlighted(stats.countries());
		int size = properties.pageSize();
		List<SuspectSignature> items = suspectQuery(PetitionQueries.SUSPECTS, petitionId, stats, blocks, domains,
				countries)
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query((rs, n) -> SuspectSignature.map(rs, blocks, domains, countries))
			.list();
		long total = suspectQuery(PetitionQueries.COUNT_SUSPECTS, petitionId, stats, blocks, domains, countries)
			.query(Long.class)
			.single();
		boolean hasNext = items.size() > size;
		return new SuspectPage(hasNext ? items.subList(0, size) : items, page, hasNext, total);
	}

	private StatementSpec suspectQuery(String sql, long petitionId, Stats stats, List<String> blocks,
			List<String> domains, List<String> countries) {
		return jdbc.sql(sql)
			.param("id", petitionId)
			.param("from", PetitionQueries.at(stats.from()))
			.param("blocks", blocks.toArray(String[]::new))
			.param("domains", domains.toArray(String[]::new))
			.param("countries", countries.toArray(String[]::new));
	}

}

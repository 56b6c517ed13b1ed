package org.safepassage.letters.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.safepassage.letters.store.LettersQueries;
import org.safepassage.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The parliamentary record of each campaign, oldest entry first. */
@Service
public class ParliamentaryRecord {

	private final JdbcClient jdbc;

	ParliamentaryRecord(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<RecordEntry> of(long campaignId) {
		return jdbc.sql(LettersQueries.RECORD_ENTRIES)
			.param("campaignId", campaignId)
			.query(ParliamentaryRecord::map)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<RecordEntry> find(long campaignId, long id) {
		return jdbc.sql(LettersQueries.RECORD_ENTRY)
			.param("campaignId", campaignId)
			.param("id", id)
			.query(ParliamentaryRecord::map)
			.optional();
	}

	@Transactional
	public long add(RecordEntry entry) {
		return bind(jdbc.sql(LettersQueries.INSERT_RECORD_ENTRY), entry).query(Long.class).single();
	}

	@Transactional
	public void change(RecordEntry entry) {
		if (bind(jdbc.sql(LettersQueries.UPDATE_RECORD_ENTRY), entry).param("id", entry.id()).update() != 1) {
			throw new NotFoundException("No record entry " + entry.id());
		}
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, RecordEntry entry) {
		return sql.param("campaignId", entry.campaignId())
			.param("day", entry.day())
			.param("kind", entry.kind().name())
			.param("bodyName", entry.body())
			.param("member", entry.member())
			.param("link", entry.link())
			.param("summary", entry.summary());
	}

	private static RecordEntry map(ResultSet rs, int row) throws SQLException {
		return new RecordEntry(rs.getLong("id"), rs.getLong("campaign_id"), rs.getObject("day", LocalDate.class),
				RecordKind.valueOf(rs.getString("kind")), rs.getString("body_name"), rs.getString("member"),
				rs.getString("link"), rs.getString("summary"));
	}

}

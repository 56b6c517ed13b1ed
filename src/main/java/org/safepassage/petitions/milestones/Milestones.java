package org.safepassage.petitions.milestones;

import java.time.Clock;
import java.util.List;

import org.safepassage.petitions.domain.PetitionQueries;
import org.safepassage.petitions.domain.PetitionRepository;
import org.safepassage.petitions.domain.PetitionsProperties;
import org.safepassage.petitions.domain.RecentCopies;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The milestones staff set per petition. The public page reads them through a copy at
 * most {@code page-cache-ttl} old, like the page itself; a change is published as
 * {@link PetitionRepository.PetitionChanged} so this instance's page copy goes at once.
 */
@Service
public class Milestones {

	static final int MAX_SIGNATURES = 100_000_000;

	static final int MAX_DESCRIPTION = 200;

	/** Enough for any campaign's plan; bounds the page and the admin form. */
	static final int MAX_PER_PETITION = 12;

	private final JdbcClient jdbc;

	private final PetitionRepository petitions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RecentCopies<Long, List<Milestone>> recent;

	Milestones(JdbcClient jdbc, PetitionRepository petitions, ApplicationEventPublisher events,
			PetitionsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.petitions = petitions;
		this.events = events;
		this.clock = clock;
		this.recent = new RecentCopies<>(properties.pageCacheTtl(), 1_000, this::list);
	}

	/**
	 * For the public page: at most a moment old, and empty while the database is away.
	 */
	public List<Milestone> recent(long petitionId) {
		return recent.get(petitionId, List.of(), 1000);
	}

	/** Straight from the database, lowest count first. */
	public List<Milestone> list(long petitionId) {
		return jdbc.sql(PetitionQueries.MILESTONES)
			.param("petitionId", petitionId)
			.query((rs, n) -> new Milestone(rs.getLong("id"), rs.getInt("signatures"), rs.getString("description")))
			.list();
	}

	@Transactional
	public void add(long petitionId, MilestoneForm form) {
		petitions.find(petitionId).orElseThrow(() -> new NotFoundException("No petition " + petitionId));
		long existing = jdbc.sql(PetitionQueries.COUNT_MILESTONES)
			.param("petitionId", petitionId)
			.query(Long.class)
			.single();
		RuleViolation.require(existing < MAX_PER_PETITION, "petition.milestone.rule.tooMany");
		int added = jdbc.sql(PetitionQueries.INSERT_MILESTONE)
			.param("petitionId", petitionId)
			.param("signatures", form.count())
			.param("description", form.description().strip())
			.param("now", PetitionQueries.at(clock.instant()))
			.update();
		RuleViolation.require(added == 1, "petition.milestone.rule.sameCount");
		events.publishEvent(new PetitionRepository.PetitionChanged(petitionId));
	}

	@Transactional
	public void remove(long petitionId, long milestoneId) {
		int removed = jdbc.sql(PetitionQueries.DELETE_MILESTONE)
			.param("petitionId", petitionId)
			.param("id", milestoneId)
			.update();
		if (removed == 0) {
			throw new NotFoundException("No milestone " + milestoneId + " on petition " + petitionId);
		}
		events.publishEvent(new PetitionRepository.PetitionChanged(petitionId));
	}

}

package org.safepassage.petitions.pack;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.safepassage.petitions.domain.PetitionsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily checkpoints of petitions collecting signatures, and the staff's check of a chain.
 * Day D's checkpoint covers the valid signatures confirmed before the end of D (UTC) and
 * is taken once {@code checkpoint-at} has passed on the day after, so every confirmation
 * of D has long committed. Any instance may run {@link #recordDue}: a petition's days are
 * recorded under its advisory lock, and a day is stored once.
 */
@Service
public class Checkpoints {

	private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

	private final PackStore store;

	private final Clock clock;

	private final PetitionsProperties.Pack settings;

	private final TransactionTemplate transaction;

	private final TransactionTemplate reading;

	Checkpoints(PackStore store, Clock clock, PetitionsProperties properties, PlatformTransactionManager transactions) {
		this.store = store;
		this.clock = clock;
		this.settings = properties.pack();
		this.transaction = new TransactionTemplate(transactions);
		this.reading = new TransactionTemplate(transactions);
		this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.reading.setReadOnly(true);
	}

	/** Records every checkpoint that is due and missing. Returns how many it recorded. */
	public int recordDue() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		boolean pastTime = !now.isBefore(today.atTime(settings.checkpointAt()).toInstant(ZoneOffset.UTC));
		LocalDate lastDue = today.minusDays(pastTime ? 1 : 2);
		Instant since = lastDue.minusDays(settings.catchUpDays()).atStartOfDay().toInstant(ZoneOffset.UTC);
		int recorded = 0;
		for (PackStore.Candidate candidate : store.checkpointCandidates(endOf(lastDue), since)) {
			try {
				recorded += recordDays(candidate, lastDue);
			}
			catch (RuntimeException ex) {
				log.warn("Checkpoints of petition {} not recorded this time: {}", candidate.petitionId(),
						ex.toString());
			}
		}
		return recorded;
	}

	private int recordDays(PackStore.Candidate candidate, LocalDate lastDue) {
		LocalDate opened = LocalDate.ofInstant(candidate.openedAt(), ZoneOffset.UTC);
		LocalDate from = candidate.lastDay() == null ? opened : candidate.lastDay().plusDays(1);
		LocalDate earliest = lastDue.minusDays(settings.catchUpDays() - 1L);
		if (from.isBefore(earliest)) {
			from = earliest;
		}
		LocalDate to = lastDue;
		if (candidate.closedAt() != null) {
			LocalDate closed = LocalDate.ofInstant(candidate.closedAt(), ZoneOffset.UTC);
			to = closed.isBefore(to) ? closed : to;
		}
		int recorded = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			LocalDate d = day;
			Boolean done = transaction.execute(tx -> record(candidate.petitionId(), d));
			if (!Boolean.TRUE.equals(done)) {
				break;
			}
			recorded++;
		}
		return recorded;
	}

	private boolean record(long petitionId, LocalDate day) {
		if (!store.tryCheckpointLock(petitionId)) {
			return false;
		}
		Optional<Checkpoint> last = store.lastCheckpoint(petitionId);
		if (last.isPresent() && !last.get().day().isBefore(day)) {
			return false;
		}
		String previous = last.map(Checkpoint::chain).orElse(CanonicalList.CHAIN_START);
		CanonicalList list = store.list(petitionId, endOf(day));
		String digest = list.digest();
		Checkpoint checkpoint = new Checkpoint(day, list.count(), digest,
				CanonicalList.chain(previous, day, list.count(), digest), clock.instant());
		return store.insertCheckpoint(petitionId, checkpoint);
	}

	public List<Checkpoint> list(long petitionId) {
		return store.checkpoints(petitionId);
	}

	/**
	 * What recomputing a chain found: how many checkpoints were checked and, if one no
	 * longer holds, the first such and why.
	 *
	 * @param problem a message key: the list changed (count or digest differ), or the
	 * stored chain value does not follow from the one before
	 * <p>
	 * Serializable: it travels to the staff page as a flash attribute in the session.
	 */
	public record ChainCheck(int checked, LocalDate firstBroken, String problem, long recordedCount,
			long countNow) implements Serializable {

		public boolean holds() {
			return firstBroken == null;
		}

	}

	/**
	 * Recomputes every checkpoint of a petition from its signatures now, in one pass over
	 * them in a single snapshot, and the chain from the first link.
	 */
	public ChainCheck check(long petitionId) {
		List<Checkpoint> checkpoints = store.checkpoints(petitionId);
		return reading.execute(tx -> {
			ChainWalk walk = new ChainWalk(checkpoints);
			store.forEachRow(petitionId, null, walk::row);
			return walk.finish();
		});
	}

	/** Walks the rows in order, taking each checkpoint's digest as its day ends. */
	private static final class ChainWalk {

		private final List<Checkpoint> checkpoints;

		private final CanonicalList list = new CanonicalList();

		private int next;

		private String previous = CanonicalList.CHAIN_START;

		private ChainCheck broken;

		ChainWalk(List<Checkpoint> checkpoints) {
			this.checkpoints = checkpoints;
		}

		void row(PackRow row) {
			while (broken == null && next < checkpoints.size() && row.signedOn().isAfter(checkpoints.get(next).day())) {
				compare(checkpoints.get(next++));
			}
			list.add(row);
		}

		ChainCheck finish() {
			while (broken == null && next < checkpoints.size()) {
				compare(checkpoints.get(next++));
			}
			return broken != null ? broken : new ChainCheck(checkpoints.size(), null, null, 0, 0);
		}

		private void compare(Checkpoint checkpoint) {
			String digest = list.digestSoFar();
			if (checkpoint.signatures() != list.count() || !checkpoint.digest().equals(digest)) {
				broken = new ChainCheck(next, checkpoint.day(), "pack.chain.listChanged", checkpoint.signatures(),
						list.count());
				return;
			}
			String chain = CanonicalList.chain(previous, checkpoint.day(), checkpoint.signatures(),
					checkpoint.digest());
			if (!chain.equals(checkpoint.chain())) {
				broken = new ChainCheck(next, checkpoint.day(), "pack.chain.linkBroken", checkpoint.signatures(),
						list.count());
				return;
			}
			previous = chain;
		}

	}

	private static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

}

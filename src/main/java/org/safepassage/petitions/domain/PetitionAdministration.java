package org.safepassage.petitions.domain;

import java.time.Clock;
import java.util.function.Consumer;

import org.safepassage.petitions.PetitionState;
import org.safepassage.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff actions on petitions: each loads the aggregate, asks it to change, and saves it.
 */
@Service
public class PetitionAdministration {

	private static final Logger log = LoggerFactory.getLogger(PetitionAdministration.class);

	private final PetitionRepository petitions;

	private final Clock clock;

	PetitionAdministration(PetitionRepository petitions, Clock clock) {
		this.petitions = petitions;
		this.clock = clock;
	}

	@Transactional
	public long create(PetitionContent content, String createdBy) {
		return petitions.save(Petition.draft(content, createdBy, clock.instant()));
	}

	@Transactional
	public void revise(long id, PetitionContent content) {
		change(id, p -> p.revise(content));
	}

	@Transactional
	public void submit(long id) {
		change(id, p -> p.submit(clock.instant()));
	}

	@Transactional
	public void open(long id) {
		change(id, p -> p.open(clock.instant()));
	}

	@Transactional
	public void reject(long id, String reason) {
		change(id, p -> p.reject(reason, clock.instant()));
	}

	@Transactional
	public void close(long id) {
		change(id, p -> p.close(clock.instant()));
	}

	@Transactional
	public void deliver(long id, Delivery delivery) {
		change(id, p -> p.deliver(delivery, clock.instant()));
	}

	@Transactional
	public void pause(long id) {
		change(id, p -> p.pause(clock.instant()));
	}

	@Transactional
	public void resume(long id) {
		change(id, Petition::resume);
	}

	@Transactional
	public void hide(long id, String reason) {
		change(id, p -> p.hide(reason, clock.instant()));
	}

	public Petition get(long id) {
		return petitions.find(id).orElseThrow(() -> new NotFoundException("No petition " + id));
	}

	/**
	 * Closes petitions whose closing date has come. Each in its own transaction; any
	 * instance may run it.
	 */
	public void closePetitionsPastTheirDate() {
		for (long id : petitions.dueToClose(clock.instant())) {
			try {
				closeIfDue(id);
			}
			catch (RuntimeException e) {
				log.info("Petition {} not closed this time: {}", id, e.getMessage());
			}
		}
	}

	private void closeIfDue(long id) {
		Petition petition = get(id);
		if (petition.state() == PetitionState.OPEN && petition.isPastClosingDate(clock.instant())) {
			petition.close(clock.instant());
			petitions.save(petition);
		}
	}

	private void change(long id, Consumer<Petition> action) {
		Petition petition = get(id);
		action.accept(petition);
		petitions.save(petition);
	}

}

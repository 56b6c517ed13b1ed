package org.safepassage.booklets.web;

import java.util.Optional;

import org.safepassage.booklets.domain.Booklet;
import org.safepassage.booklets.domain.BookletContent;
import org.safepassage.booklets.domain.BookletRepository;
import org.safepassage.booklets.domain.BookletRepository.Cover;
import org.safepassage.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff's changes to booklets, each in one transaction. */
@Service
class BookletAdministration {

	private final BookletRepository booklets;

	BookletAdministration(BookletRepository booklets) {
		this.booklets = booklets;
	}

	Booklet get(long id) {
		return booklets.find(id).orElseThrow(() -> new NotFoundException("No booklet " + id));
	}

	@Transactional
	long create(BookletContent content, int stock, Optional<Cover> cover, String by) {
		return booklets.create(content, stock, cover, by, false);
	}

	@Transactional
	void revise(long id, BookletContent content, Optional<Cover> cover) {
		get(id);
		booklets.revise(id, content);
		cover.ifPresent(c -> booklets.replaceCover(id, c));
	}

	@Transactional
	void publish(long id) {
		booklets.saveState(get(id).publish());
	}

	@Transactional
	void unpublish(long id) {
		booklets.saveState(get(id).unpublish());
	}

	@Transactional
	void adjustStock(long id, int change) {
		get(id);
		booklets.adjustStock(id, change);
	}

}

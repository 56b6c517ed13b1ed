package org.safepassage.booklets.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safepassage.booklets.domain.Booklet;
import org.safepassage.booklets.domain.BookletContent;
import org.safepassage.booklets.domain.BookletRepository;
import org.safepassage.system.translations.TranslatableKind;
import org.springframework.stereotype.Component;

/**
 * What staff translate of a booklet: its title and description, so a Korean or Chinese
 * reader orders it from a page, and a confirmation mail, in their language. The booklet
 * itself is printed in the languages it lists.
 */
@Component
class BookletTranslatable implements TranslatableKind {

	private static final List<Field> FIELDS = List.of(new Field("title", "booklets.form.title", 200, false),
			new Field("description", "booklets.form.description", 5000, true));

	private final BookletRepository booklets;

	BookletTranslatable(BookletRepository booklets) {
		this.booklets = booklets;
	}

	@Override
	public String kind() {
		return BookletContent.TRANSLATION_KIND;
	}

	@Override
	public List<Field> fields() {
		return FIELDS;
	}

	@Override
	public Optional<Map<String, String>> originals(long id) {
		return booklets.find(id)
			.map(b -> Map.of("title", b.content().title(), "description", b.content().description()));
	}

	@Override
	public String title(long id) {
		return booklets.find(id).map(b -> b.content().title()).orElse("");
	}

	@Override
	public String publicPath(long id) {
		return booklets.find(id).filter(Booklet::isPublished).map(b -> "/resources/" + id).orElse(null);
	}

	@Override
	public String adminPath(long id) {
		return "/admin/booklets/" + id;
	}

	@Override
	public List<String> requiredRoles() {
		return List.of("ADMIN", "CAMPAIGNER");
	}

}

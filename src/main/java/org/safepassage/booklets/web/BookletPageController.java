package org.safepassage.booklets.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.booklets.domain.Booklet;
import org.safepassage.booklets.domain.BookletContent;
import org.safepassage.booklets.domain.BookletRepository;
import org.safepassage.booklets.domain.BookletsProperties;
import org.safepassage.booklets.ordering.OrderConfirmation;
import org.safepassage.booklets.ordering.OrderForm;
import org.safepassage.booklets.ordering.Ordering;
import org.safepassage.shared.Countries;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.Tokens;
import org.safepassage.system.PublicFormOrigin;
import org.safepassage.system.translations.ContentTranslations;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of free resources: the list, a booklet with its order form, and the
 * mailed link (GET shows the order, only the POST confirms it). Plain forms; nothing
 * needs JavaScript. Like every public form here, none needs a CSRF cookie: ordering
 * checks where the form was sent from ({@link PublicFormOrigin}), confirming carries the
 * mailed token.
 */
@Controller
class BookletPageController {

	private final BookletRepository booklets;

	private final Ordering ordering;

	private final OrderConfirmation confirmation;

	private final PublicFormOrigin origin;

	private final BookletsProperties properties;

	private final ContentTranslations translations;

	BookletPageController(BookletRepository booklets, Ordering ordering, OrderConfirmation confirmation,
			PublicFormOrigin origin, BookletsProperties properties, ContentTranslations translations) {
		this.properties = properties;
		this.translations = translations;
		this.booklets = booklets;
		this.ordering = ordering;
		this.confirmation = confirmation;
		this.origin = origin;
	}

	/** The public form needs no field markers, as the sign form (no cookie, no token). */
	@InitBinder("form")
	void noFieldMarkers(WebDataBinder binder) {
		binder.setFieldMarkerPrefix(null);
		binder.setFieldDefaultPrefix(null);
	}

	@GetMapping("/resources")
	String list(Locale locale, Model model) {
		List<Booklet> published = booklets.published();
		Map<Long, ContentTranslations.Localized> locals = new HashMap<>();
		published.forEach(b -> locals.put(b.id(), local(b, locale)));
		model.addAttribute("booklets", published.stream().map(b -> inReadersLanguage(b, locals.get(b.id()))).toList());
		model.addAttribute("locals", locals);
		return "booklets/list";
	}

	@GetMapping("/resources/{id:\\d+}")
	String show(@PathVariable long id, Locale locale, Model model) {
		Booklet booklet = published(id, locale, model);
		model.addAttribute("form", OrderForm.start(defaultLanguage(booklet, locale), null));
		return page(booklet, locale, model);
	}

	@PostMapping("/resources/{id:\\d+}/order")
	String order(@PathVariable long id, @Valid @ModelAttribute("form") OrderForm form, BindingResult errors,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		// In the reader's language, which the confirmation mail is written in too.
		Booklet booklet = published(id, locale, model);
		if (!errors.hasErrors()) {
			ordering.check(booklet, form)
				.forEach(p -> errors.rejectValue(p.field(), p.messageKey(), p.arguments(), null));
		}
		if (origin.sentFromAnotherSite(request)) {
			model.addAttribute("orderError", "form.resubmit");
		}
		if (errors.hasErrors() || model.containsAttribute("orderError")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(booklet, locale, model);
		}
		List<Ordering.Problem> problems = ordering.order(booklet, form, locale, request.getRemoteAddr());
		if (!problems.isEmpty()) {
			problems.forEach(p -> errors.rejectValue(p.field(), p.messageKey(), p.arguments(), null));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(booklet, locale, model);
		}
		return "redirect:/resources/" + id + "/check-your-email";
	}

	@GetMapping("/resources/{id:\\d+}/check-your-email")
	String checkYourEmail(@PathVariable long id, Locale locale, Model model) {
		published(id, locale, model);
		return "booklets/check-email";
	}

	@GetMapping("/resources/{id:\\d+}/cover")
	ResponseEntity<byte[]> cover(@PathVariable long id) {
		published(id);
		return CoverResponses.of(booklets.cover(id));
	}

	@GetMapping("/resources/confirm")
	String confirmPage(@RequestParam(required = false) String token, Locale locale, Model model,
			HttpServletResponse response) {
		return linkPage(confirmation.inspect(token), token, locale, model, response);
	}

	@PostMapping("/resources/confirm")
	String confirm(@RequestParam(required = false) String token, Locale locale, Model model,
			HttpServletResponse response) {
		return linkPage(confirmation.confirm(token), token, locale, model, response);
	}

	private String linkPage(OrderConfirmation.Link link, String token, Locale locale, Model model,
			HttpServletResponse response) {
		model.addAttribute("link", link);
		if (link.bookletId() != null) {
			ContentTranslations.Localized local = translations.localize(BookletContent.TRANSLATION_KIND,
					link.bookletId(), locale);
			model.addAttribute("bookletTitle", local.text("title", link.title()));
		}
		model.addAttribute("status", link.status().name());
		model.addAttribute("token", Tokens.looksValid(token) ? token : null);
		response.setStatus(switch (link.status()) {
			case VALID, JUST_CONFIRMED, CONFIRMED, CANCELLED -> 200;
			case OUT_OF_STOCK, DUPLICATE, WITHDRAWN -> 409;
			case EXPIRED -> 410;
			case UNKNOWN -> 404;
		});
		return "booklets/confirm";
	}

	private String page(Booklet booklet, Locale locale, Model model) {
		model.addAttribute("keepDays", properties.keepDetailsFor().toDays());
		List<String> countries = booklet.content()
			.countries()
			.stream()
			.sorted(Comparator.comparing(code -> Countries.name(code, locale)))
			.toList();
		model.addAttribute("countryCodes", countries);
		model.addAttribute("countryNames", countries.stream().map(code -> Countries.name(code, locale)).toList());
		model.addAttribute("quantities", IntStream.rangeClosed(1, booklet.content().perOrderLimit()).boxed().toList());
		return "booklets/show";
	}

	/** The reader's language when the booklet is printed in it, else its first. */
	static String defaultLanguage(Booklet booklet, Locale locale) {
		List<String> languages = booklet.content().languages();
		String script = locale.getScript();
		String country = locale.getCountry();
		String wanted = switch (locale.getLanguage()) {
			case "zh" -> "Hant".equals(script) || List.of("TW", "HK", "MO").contains(country) ? "zh-Hant" : "zh-Hans";
			default -> locale.getLanguage();
		};
		return languages.contains(wanted) ? wanted : languages.isEmpty() ? "" : languages.getFirst();
	}

	private Booklet published(long id) {
		return booklets.find(id)
			.filter(Booklet::isPublished)
			.orElseThrow(() -> new NotFoundException("No published booklet " + id));
	}

	/**
	 * The published booklet with its title and description in the reader's language where
	 * staff translated them; the page's model gets both and what the page needs to mark
	 * an untranslated field ({@code local}).
	 */
	private Booklet published(long id, Locale locale, Model model) {
		Booklet original = published(id);
		ContentTranslations.Localized local = local(original, locale);
		Booklet booklet = inReadersLanguage(original, local);
		model.addAttribute("booklet", booklet);
		model.addAttribute("local", local);
		return booklet;
	}

	private ContentTranslations.Localized local(Booklet booklet, Locale locale) {
		return translations.localize(BookletContent.TRANSLATION_KIND, booklet.id(), locale);
	}

	private static Booklet inReadersLanguage(Booklet booklet, ContentTranslations.Localized local) {
		BookletContent content = booklet.content();
		return new Booklet(booklet.id(),
				new BookletContent(local.text("title", content.title()),
						local.text("description", content.description()), content.languages(), content.countries(),
						content.perOrderLimit()),
				booklet.state(), booklet.stock(), booklet.hasCover());
	}

}

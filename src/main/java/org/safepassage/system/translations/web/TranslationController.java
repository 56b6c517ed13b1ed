package org.safepassage.system.translations.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.validation.PlainText;
import org.safepassage.system.audit.AuditLog;
import org.safepassage.system.translations.ContentTranslations;
import org.safepassage.system.translations.TranslatableKind;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one staff page for translating any kind of content: each field's original beside
 * one text area per language. A blank text area removes that translation.
 */
@Controller
class TranslationController {

	static final String ACTION = "translation.save";

	private final ContentTranslations translations;

	private final AuditLog audit;

	TranslationController(ContentTranslations translations, AuditLog audit) {
		this.translations = translations;
		this.audit = audit;
	}

	/** One text area: a field in a language. */
	record Entry(String name, String inputId, String language, String value, String error) {
	}

	/** A field: its original and its text areas. */
	record FieldView(TranslatableKind.Field field, List<String> originalLines, List<Entry> entries) {
	}

	@GetMapping("/admin/translations/{kind}/{id}")
	String show(@PathVariable String kind, @PathVariable long id, Authentication staff, Model model) {
		TranslatableKind declared = allowed(kind, staff);
		Map<String, String> originals = originals(declared, id);
		Map<String, Map<String, String>> saved = translations.all(kind, id);
		Map<String, String> values = new HashMap<>();
		saved.forEach((language, fields) -> fields.forEach((field, text) -> values.put(language + "." + field, text)));
		return page(declared, id, originals, values, Map.of(), null, model);
	}

	@PostMapping("/admin/translations/{kind}/{id}")
	String save(@PathVariable String kind, @PathVariable long id, Authentication staff, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		TranslatableKind declared = allowed(kind, staff);
		Map<String, String> originals = originals(declared, id);
		Locale writtenIn = translations.writtenIn(kind, id);
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> errors = new HashMap<>();
		boolean ownLanguage = false;
		for (TranslatableKind.Field field : declared.fields()) {
			// A "translation" into the language the record is written in (from a page
			// opened before its language changed, or a hand-made request) would never be
			// shown: refused with a message rather than dropped without a word.
			String own = request.getParameter(writtenIn.toLanguageTag() + "." + field.name());
			ownLanguage |= own != null && !own.isBlank();
			for (Locale language : translations.languagesFrom(writtenIn)) {
				String name = language.toLanguageTag() + "." + field.name();
				String value = request.getParameter(name);
				if (value == null) {
					continue;
				}
				value = value.strip();
				values.put(name, value);
				if (value.length() > field.maxLength()) {
					errors.put(name, "translations.tooLong");
				}
				else if (!PlainText.Validator.isPlain(value, field.multiline())) {
					errors.put(name, "validation.plainText");
				}
			}
		}
		if (!errors.isEmpty() || ownLanguage) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(declared, id, originals, values, errors, ownLanguage ? writtenIn : null, model);
		}
		int changed = 0;
		for (Map.Entry<String, String> entry : values.entrySet()) {
			int dot = entry.getKey().indexOf('.');
			Locale language = Locale.forLanguageTag(entry.getKey().substring(0, dot));
			String field = entry.getKey().substring(dot + 1);
			if (translations.save(kind, id, field, language, entry.getValue(), staff.getName())) {
				changed++;
				audit.record(staff.getName(), ACTION,
						kind + ":" + id + " field:" + field + " language:" + language.toLanguageTag(),
						entry.getValue().isEmpty() ? "deleted" : "saved", request.getRemoteAddr());
			}
		}
		redirect.addFlashAttribute("done", true);
		redirect.addFlashAttribute("changed", changed);
		return "redirect:/admin/translations/" + kind + "/" + id;
	}

	/**
	 * @param ownLanguage the record's language when a translation into it was sent (and
	 * refused), else null
	 */
	private String page(TranslatableKind declared, long id, Map<String, String> originals, Map<String, String> values,
			Map<String, String> errors, Locale ownLanguage, Model model) {
		Locale writtenIn = translations.writtenIn(declared.kind(), id);
		List<FieldView> fields = new ArrayList<>();
		for (TranslatableKind.Field field : declared.fields()) {
			List<Entry> entries = new ArrayList<>();
			for (Locale language : translations.languagesFrom(writtenIn)) {
				String tag = language.toLanguageTag();
				String name = tag + "." + field.name();
				entries.add(new Entry(name, tag + "-" + field.name(), tag, values.getOrDefault(name, ""),
						errors.get(name)));
			}
			fields.add(new FieldView(field,
					originals.getOrDefault(field.name(), "").lines().filter(l -> !l.isBlank()).toList(), entries));
		}
		model.addAttribute("kind", declared.kind());
		model.addAttribute("recordId", id);
		model.addAttribute("recordTitle", declared.title(id));
		model.addAttribute("publicPath", declared.publicPath(id));
		model.addAttribute("adminPath", declared.adminPath(id));
		model.addAttribute("originalLanguage", writtenIn.toLanguageTag());
		model.addAttribute("fields", fields);
		model.addAttribute("hasErrors", !errors.isEmpty());
		model.addAttribute("ownLanguage", ownLanguage == null ? null : ownLanguage.toLanguageTag());
		return "admin/translations/edit";
	}

	private TranslatableKind allowed(String kind, Authentication staff) {
		TranslatableKind declared = translations.kind(kind)
			.orElseThrow(() -> new NotFoundException("Nothing to translate called " + kind));
		boolean permitted = staff != null && staff.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(a -> declared.requiredRoles().stream().anyMatch(r -> a.equals("ROLE_" + r)));
		if (!permitted) {
			throw new AccessDeniedException("Translating " + kind + " needs one of " + declared.requiredRoles());
		}
		return declared;
	}

	private static Map<String, String> originals(TranslatableKind declared, long id) {
		return declared.originals(id).orElseThrow(() -> new NotFoundException("No " + declared.kind() + " " + id));
	}

}

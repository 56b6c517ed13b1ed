package org.safepassage.booklets.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.booklets.domain.BookletRepository;
import org.safepassage.booklets.domain.BookletRepository.Cover;
import org.safepassage.booklets.domain.BookletsProperties;
import org.safepassage.booklets.fulfilment.Fulfilment;
import org.safepassage.booklets.images.CoverImages;
import org.safepassage.shared.Countries;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.StaffAction;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for free resources (admins and campaigners): write a booklet with its
 * cover, publish and unpublish it, add or take away copies, and see its counts. Every
 * change is recorded in the audit log (by the route, see the system module).
 */
@Controller
@RequestMapping("/admin/booklets")
class BookletAdminController {

	private final BookletAdministration administration;

	private final BookletRepository booklets;

	private final CoverImages covers;

	private final Fulfilment fulfilment;

	private final BookletsProperties properties;

	BookletAdminController(BookletAdministration administration, BookletRepository booklets, CoverImages covers,
			Fulfilment fulfilment, BookletsProperties properties) {
		this.administration = administration;
		this.booklets = booklets;
		this.covers = covers;
		this.fulfilment = fulfilment;
		this.properties = properties;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("booklets", booklets.all());
		return "admin/booklets/list";
	}

	@GetMapping("/new")
	String newBooklet(Model model) {
		model.addAttribute("form", BookletForm.empty(properties.countries()));
		return formPage(null, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") BookletForm form, BindingResult errors,
			@RequestParam(required = false) MultipartFile cover, Model model, Principal principal,
			HttpServletResponse response) {
		if (form.stock() == null && !errors.hasFieldErrors("stock")) {
			errors.rejectValue("stock", "booklets.stock.required");
		}
		Optional<Cover> image = checked(form, errors, cover, model);
		if (errors.hasErrors() || model.containsAttribute("coverError")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return formPage(null, model);
		}
		long id = administration.create(form.toContent(), form.stock(), image, principal.getName());
		return "redirect:/admin/booklets/" + id;
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("booklet", administration.get(id));
		model.addAttribute("counts", fulfilment.counts(id));
		return "admin/booklets/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("form", BookletForm.of(administration.get(id).content()));
		return formPage(id, model);
	}

	@PostMapping("/{id}")
	String revise(@PathVariable long id, @Valid @ModelAttribute("form") BookletForm form, BindingResult errors,
			@RequestParam(required = false) MultipartFile cover, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		administration.get(id);
		Optional<Cover> image = checked(form, errors, cover, model);
		if (errors.hasErrors() || model.containsAttribute("coverError")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return formPage(id, model);
		}
		return act(id, redirect, () -> administration.revise(id, form.toContent(), image));
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> administration.publish(id));
	}

	@PostMapping("/{id}/unpublish")
	String unpublish(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> administration.unpublish(id));
	}

	/** Adds copies, or takes them away with a negative number. */
	@PostMapping("/{id}/stock")
	String stock(@PathVariable long id, @RequestParam(defaultValue = "") String change, RedirectAttributes redirect) {
		Long copies = Numbers.orNull(change.strip().startsWith("+") ? change.strip().substring(1) : change);
		if (copies == null || copies == 0 || Math.abs(copies) > 1_000_000) {
			redirect.addFlashAttribute("ruleError", "booklets.stock.change.invalid");
			return "redirect:/admin/booklets/" + id;
		}
		return act(id, redirect, () -> administration.adjustStock(id, copies.intValue()));
	}

	/** The cover of any booklet, draft or not, for staff. */
	@GetMapping("/{id}/cover")
	ResponseEntity<byte[]> cover(@PathVariable long id) {
		return CoverResponses.of(booklets.cover(id));
	}

	/** The languages and countries must be ones we offer; the cover a real image. */
	private Optional<Cover> checked(BookletForm form, BindingResult errors, MultipartFile cover, Model model) {
		if (!properties.languages().containsAll(form.languages())) {
			errors.rejectValue("languages", "validation.oneOf");
		}
		if (!errors.hasFieldErrors("countries")) {
			if (form.countryCodes().isEmpty()) {
				errors.rejectValue("countries", "booklets.countries.required");
			}
			else if (!form.countryCodes().stream().allMatch(Countries::isKnown)) {
				errors.rejectValue("countries", "booklets.countries.invalid");
			}
		}
		if (cover == null || cover.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream in = cover.getInputStream()) {
			return Optional.of(covers.accept(in, cover.getSize()));
		}
		catch (RuleViolation refused) {
			model.addAttribute("coverError", refused.messageKey());
			return Optional.empty();
		}
		catch (IOException e) {
			model.addAttribute("coverError", "booklets.cover.notAnImage");
			return Optional.empty();
		}
	}

	private String formPage(Long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("languages", properties.languages());
		return "admin/booklets/form";
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		return StaffAction.thenRedirect(action, redirect, "/admin/booklets/" + id);
	}

}

package org.safepassage.letters.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.letters.directory.Directory;
import org.safepassage.letters.directory.DirectoryAdmin;
import org.safepassage.letters.importing.CheckedUploads;
import org.safepassage.letters.importing.DirectoryImport;
import org.safepassage.letters.importing.ImportCheck;
import org.safepassage.shared.NotFoundException;
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
 * The representatives directory for staff: its size per body, the CSV import (a dry run
 * that lists every bad row, then the import of the checked file), the date after which it
 * counts as out of date, and new bodies.
 */
@Controller
@RequestMapping("/admin/letters/directory")
class DirectoryAdminController {

	static final String PAGE = "admin/letters/directory";

	private final DirectoryAdmin admin;

	private final Directory directory;

	private final DirectoryImport imports;

	private final CheckedUploads uploads;

	DirectoryAdminController(DirectoryAdmin admin, Directory directory, DirectoryImport imports,
			CheckedUploads uploads) {
		this.admin = admin;
		this.directory = directory;
		this.imports = imports;
		this.uploads = uploads;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("counts", admin.counts());
		model.addAttribute("state", admin.state());
		model.addAttribute("staleSince", directory.staleSince().orElse(null));
		if (!model.containsAttribute("bodyForm")) {
			model.addAttribute("bodyForm", BodyForm.empty());
		}
		if (!model.containsAttribute("refreshForm")) {
			LocalDate day = admin.state().refreshAfter();
			model.addAttribute("refreshForm", new RefreshForm(day == null ? "" : day.toString()));
		}
		return PAGE;
	}

	/** The dry run: the file is kept for the import only when every row is good. */
	@PostMapping("/check")
	String check(@RequestParam(required = false) MultipartFile file, Locale locale, Model model,
			HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("fileError", "letters.import.noFile");
			return page(model);
		}
		String upload;
		try (InputStream content = file.getInputStream()) {
			upload = uploads.save(content);
		}
		Path saved = uploads.find(upload).orElseThrow();
		ImportCheck check = imports.check(saved, locale);
		model.addAttribute("check", check);
		model.addAttribute("fileName", fileName(file));
		if (!check.ok()) {
			uploads.delete(upload);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model);
		}
		model.addAttribute("upload", upload);
		return page(model);
	}

	@PostMapping("/import/{upload}")
	String importChecked(@PathVariable String upload, Principal principal, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Path file = uploads.find(upload).orElseThrow(() -> new NotFoundException("No checked upload " + upload));
		ImportCheck result;
		try {
			result = imports.importFile(file, locale, principal.getName());
		}
		finally {
			uploads.delete(upload);
		}
		if (!result.ok()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("check", result);
			return page(model);
		}
		redirect.addFlashAttribute("imported", result);
		return "redirect:/admin/letters/directory";
	}

	@PostMapping("/refresh-after")
	String refreshAfter(@Valid @ModelAttribute("refreshForm") RefreshForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model);
		}
		admin.refreshAfter(form.toDay());
		redirect.addFlashAttribute("refreshSaved", true);
		return "redirect:/admin/letters/directory";
	}

	@PostMapping("/bodies")
	String addBody(@Valid @ModelAttribute("bodyForm") BodyForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!errors.hasErrors() && !admin.addBody(form.code().strip(), form.name().strip(), form.order())) {
			errors.rejectValue("code", "letters.body.code.taken");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model);
		}
		redirect.addFlashAttribute("bodyAdded", form.name().strip());
		return "redirect:/admin/letters/directory";
	}

	private static String fileName(MultipartFile file) {
		String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

}

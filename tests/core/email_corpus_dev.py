"""Development corpus for the rejection classifier (issue 14), written independently of the
classifier: rejections and look-alikes in English, German, French and Spanish."""

from __future__ import annotations

from tests.core.email_corpus import C, I, O, R, Sample, X

BULK = {"Precedence": "bulk", "List-Unsubscribe": "<https://example.net/unsubscribe?u=8841>"}

GH_FOOTER = (
    "\n\n--\nPowered by Greenhouse. This mailbox is not monitored; please do not reply.\n"
    "Privacy: we process applicant data in accordance with our Candidate Privacy Notice."
)

WD_LEGAL = (
    '<p style="font-size:10px;color:#888888">This email was sent from an unmonitored '
    "mailbox. To review your candidate home, sign in to your account. "
    "&copy; 2026 Workday, Inc. All rights reserved.</p>"
)

SAMPLES: list[Sample] = [
    # ---------------------------------------------------------------- rejections, English
    Sample(
        "Brightline Analytics <no-reply@us.greenhouse-mail.io>",
        "Your application to Brightline Analytics",
        "Hi Sam,\n\nThank you for taking the time to apply for the Senior Data Analyst "
        "position at Brightline Analytics. We appreciate your interest in joining us.\n\n"
        "After careful review, we've decided to focus on candidates whose experience more "
        "closely matches the needs of the team right now.\n\nWe wish you all the best in "
        "your search.\n\nThe Brightline Recruiting Team" + GH_FOOTER,
        R,
        "Brightline Analytics",
        "Senior Data Analyst",
    ),
    Sample(
        "Tidewater <no-reply@hire.lever.co>",
        "Tidewater - Backend Engineer",
        "Hi Sam,\n\nThanks so much for your interest in Tidewater and for the time you spent "
        "speaking with Priya last week.\n\nI know this isn't the outcome you hoped for, but "
        "we won't be moving ahead with your candidacy for the Backend Engineer role. It was "
        "a close call and the team enjoyed the conversation.\n\nAll the best,\nMarcus, "
        "Talent @ Tidewater",
        R,
        "Tidewater",
        "Backend Engineer",
    ),
    Sample(
        "Jenna Ortiz <jenna@talentbridge-partners.com>",
        "Re: Data Engineer",
        "Hey Sam - quick update. Spoke with the client this morning and they've gone with "
        "someone internal for the data engineer seat at Northwind Freight. Sorry, I know "
        "you were keen. I'll ping you when something similar comes up.\n\nJenna",
        R,
        "Northwind Freight",
        "Data Engineer",
    ),
    Sample(
        "Harbor Health Careers <harborhealth@myworkday.com>",
        "Update on your application",
        '<html><body style="font-family:Arial,sans-serif">'
        '<table width="600" cellpadding="0" cellspacing="0" align="center"><tr>'
        '<td style="padding:20px;background:#00457c;color:#ffffff"><b>Harbor Health</b></td>'
        '</tr><tr><td style="padding:20px;font-size:14px">'
        "<p>Dear Sam Lee,</p>"
        "<p>Thank you for your interest in the <b>Clinical Systems Analyst</b> position "
        "(Job Requisition R-20419) with Harbor Health.</p>"
        "<p>We have carefully reviewed your background and qualifications. At this time we "
        "have selected other applicants whose qualifications more closely align with the "
        "requirements of this position.</p>"
        "<p>We encourage you to visit our careers site and apply for future openings.</p>"
        "<p>Sincerely,<br>Harbor Health Talent Acquisition</p>"
        "</td></tr><tr><td>" + WD_LEGAL + "</td></tr></table></body></html>",
        R,
        "Harbor Health",
        "Clinical Systems Analyst",
        html=True,
    ),
    Sample(
        "Quillon Software <jobs@smartrecruiters.com>",
        "Quillon Software: Your application for Product Designer",
        "Dear Sam,\n\nThank you for applying for the Product Designer opening at Quillon "
        "Software. We received a large number of strong applications.\n\nUnfortunately, "
        "we will not be able to invite you to an interview at this time. We'd be happy to "
        "keep your CV on file and reach out should a suitable role open up.\n\nKind "
        "regards,\nQuillon Software Recruiting\n\nYou are receiving this email because you "
        "applied via SmartRecruiters. Manage your notification preferences in your "
        "candidate profile.",
        R,
        "Quillon Software",
        "Product Designer",
    ),
    Sample(
        "Ravi Menon <ravi.menon@gmail.com>",
        "thanks",
        "Sam, appreciated you coming in on Thursday for the final round. Honestly it came "
        "down to two people and we went the other way - the other candidate had more "
        "hands-on Kubernetes. Not a knock on you at all. Happy to give you more detail over "
        "a call if that helps.\n\nRavi\nHead of Platform, Cobalt Ridge",
        R,
        "Cobalt Ridge",
        "",
    ),
    Sample(
        "Orchard Bank Talent Acquisition <talent@orchardbank.icims.com>",
        "Orchard Bank - Requisition 4471 Treasury Analyst",
        '<html><body><div style="font-family:Verdana;font-size:13px">'
        "<p>Dear Sam,</p><p>Thank you for your recent application for the position of "
        "<strong>Treasury Analyst</strong> (Req. 4471).</p>"
        "<p>Please be advised that this position has been put on hold and we are closing "
        "all applications for it. As a result, your application will not be considered "
        "further.</p><p>We appreciate your interest in Orchard Bank and invite you to "
        "review other openings on our careers page.</p>"
        "<p>Regards,<br/>Talent Acquisition<br/>Orchard Bank, N.A.</p>"
        '<hr><p style="font-size:9px">Orchard Bank is an Equal Opportunity Employer. '
        "Please do not reply to this message.</p></div></body></html>",
        R,
        "Orchard Bank",
        "Treasury Analyst",
        html=True,
    ),
    Sample(
        "Pinecrest Labs <noreply@workablemail.com>",
        "Your application",
        "Hello Sam,\n\nThanks for applying to Pinecrest Labs. We've reviewed your "
        "application for Machine Learning Engineer and, while your profile is impressive, "
        "we don't think it's the right match for this particular opening.\n\nBest of luck "
        "with your next steps,\nPinecrest Labs Hiring Team\n\nPowered by Workable",
        R,
        "Pinecrest Labs",
        "Machine Learning Engineer",
    ),
    Sample(
        "Lumen & Vale <no-reply@ashbyhq.com>",
        "Update",
        "Hi Sam,\n\nThank you for interviewing for the Growth Marketing Manager role. We "
        "enjoyed learning about your work at your previous company.\n\nAfter discussing "
        "as a team, we have made the difficult decision not to move you forward to the "
        "next stage. We know how much effort goes into interviews and truly appreciate "
        "it.\n\nWarmly,\nLumen & Vale",
        R,
        "Lumen & Vale",
        "Growth Marketing Manager",
    ),
    Sample(
        "Claire Donnelly <claire.d@hey.com>",
        "Following up",
        "Hi Sam,\n\nI wanted to reach out personally rather than have you hear it from a "
        "system. Thank you for all the time you gave us over the last three weeks - the "
        "take-home, the panel, and the chat with our CEO. Everyone who met you spoke "
        "warmly about your curiosity and the way you walked through your SQL.\n\nIn the "
        "end we've offered the Analytics Lead position to another candidate whose "
        "background in marketplace pricing was very close to what we need this year. It "
        "was genuinely a difficult call.\n\nIf you'd like feedback, I'm more than happy to "
        "set up 20 minutes. And please stay in touch - I expect we'll be hiring again in "
        "the spring.\n\nWith thanks,\nClaire Donnelly\nVP Data | Fernhill Markets\n"
        "+44 20 7946 0123",
        R,
        "Fernhill Markets",
        "Analytics Lead",
    ),
    Sample(
        "Atlas Freightways Recruiting <recruiting@atlasfreightways.com>",
        "Operations Coordinator application status",
        "Dear Applicant,\n\nWe regret to inform you that you have not been selected for the "
        "Operations Coordinator position.\n\nAtlas Freightways Recruiting",
        R,
        "Atlas Freightways",
        "Operations Coordinator",
    ),
    Sample(
        "Meridian Energy <careers@meridian-energy.teamtailor-mail.com>",
        "About your application for Sustainability Consultant",
        "Hi Sam,\n\nThank you for your patience while we reviewed applications for the "
        "Sustainability Consultant role. The response was overwhelming.\n\nWe've now "
        "completed the first round of interviews and, on this occasion, your application "
        "won't be progressing. We'd love for you to join our Talent Community so we can "
        "let you know about future roles.\n\nBest wishes,\nPeople Team, Meridian Energy\n\n"
        "Unsubscribe from Meridian Energy emails | Privacy policy",
        R,
        "Meridian Energy",
        "Sustainability Consultant",
    ),
    Sample(
        "Kestrel Robotics <no-reply@us.greenhouse-mail.io>",
        "Thank you from Kestrel Robotics",
        "Hi Sam,\n\nThank you for your interest in the Firmware Engineer, Motion Control "
        "position. We're writing to let you know that the role has been filled.\n\nWe "
        "appreciate you considering Kestrel and hope you'll keep an eye on our openings."
        + GH_FOOTER,
        R,
        "Kestrel Robotics",
        "Firmware Engineer, Motion Control",
    ),
    Sample(
        "Daniel Park <dpark@sequoiastaffing.io>",
        "Re: Technical Writer at Halcyon",
        "Hi Sam,\n\nHalcyon came back to me. They're going to pass for now - they want "
        "someone who's documented public APIs at scale. Your writing sample was great "
        "though, they said so.\n\nLet's catch up next week about a couple of other "
        "things.\n\nDaniel",
        R,
        "Halcyon",
        "Technical Writer",
    ),
    Sample(
        "Ironwood Capital <ironwood@myworkday.com>",
        "Ironwood Capital: Application Status",
        '<html><body><table style="width:100%;font-family:Helvetica"><tr><td>'
        "<p>Hello Sam,</p><p>Thank you for applying to <b>Risk Quant Developer</b>.</p>"
        "<p>After reviewing your application, we have decided to pursue other candidates "
        "for this role. We know this news may be disappointing.</p>"
        "<p>You can view the status of your applications any time in your "
        '<a href="https://ironwood.wd5.myworkdayjobs.com/">candidate home</a>.</p>'
        "<p>Best regards,<br>Ironwood Capital Recruiting</p></td></tr><tr><td>"
        + WD_LEGAL
        + "</td></tr></table></body></html>",
        R,
        "Ironwood Capital",
        "Risk Quant Developer",
        html=True,
    ),
    # ---------------------------------------------------------------- rejections, German
    Sample(
        "Müller & Söhne KG <bewerbung@mueller-soehne.personio.de>",
        "Ihre Bewerbung",
        "Sehr geehrte Frau Lee,\n\nvielen Dank für Ihre Bewerbung als Controllerin "
        "(m/w/d) und das Interesse an unserem Unternehmen.\n\nNach sorgfältiger Prüfung "
        "müssen wir Ihnen leider mitteilen, dass wir uns für eine andere Kandidatin "
        "entschieden haben. Diese Entscheidung ist uns nicht leichtgefallen.\n\nWir "
        "wünschen Ihnen für Ihren weiteren beruflichen Weg alles Gute.\n\nMit freundlichen "
        "Grüßen\nIhr Personalteam\nMüller & Söhne KG\n\nSitz der Gesellschaft: Augsburg, "
        "Registergericht Augsburg HRA 12345",
        R,
        "Müller & Söhne KG",
        "Controllerin",
    ),
    Sample(
        "Kerstin Albrecht <k.albrecht@nordlicht-it.de>",
        "Rückmeldung zu unserem Gespräch",
        "Hallo Sam,\n\ndanke nochmal für das nette Gespräch am Dienstag. Wir haben uns im "
        "Team lange beraten und am Ende für jemanden entschieden, der schon mehr "
        "Erfahrung mit SAP mitbringt.\n\nIch hätte dich gerne im Team gehabt - vielleicht "
        "passt es ja ein anderes Mal.\n\nViele Grüße\nKerstin\n\nNordlicht IT GmbH\n"
        "Teamleitung Anwendungsentwicklung",
        R,
        "Nordlicht IT GmbH",
        "",
    ),
    Sample(
        "Stadtwerke Rheinau <karriere@stadtwerke-rheinau.jobs.personio.de>",
        "Ihre Bewerbung als Sachbearbeiter Netzplanung",
        "Sehr geehrte/r Sam Lee,\n\nherzlichen Dank für Ihre Bewerbung. Leider können wir "
        "Ihre Unterlagen im weiteren Auswahlverfahren nicht berücksichtigen.\n\nGerne "
        "würden wir Ihre Daten für sechs Monate in unserem Talentpool speichern. Sollten "
        "Sie damit nicht einverstanden sein, genügt eine kurze Nachricht.\n\nFreundliche "
        "Grüße\nStadtwerke Rheinau",
        R,
        "Stadtwerke Rheinau",
        "Sachbearbeiter Netzplanung",
    ),
    Sample(
        "Brandt Logistik <no-reply@brandt-logistik.successfactors.eu>",
        "Absage: Teamleiter Lager (Req 88213)",
        '<html><body><div style="font-family:Arial;font-size:12px">'
        "<p>Sehr geehrte Frau Lee,</p>"
        "<p>wir bedanken uns für Ihr Interesse an der Position <b>Teamleiter Lager</b>.</p>"
        "<p>Nach eingehender Prüfung haben wir entschieden, das Auswahlverfahren mit "
        "anderen Bewerberinnen und Bewerbern fortzusetzen, deren Profil unseren "
        "Anforderungen noch besser entspricht.</p>"
        "<p>Mit freundlichen Grüßen<br>Ihr Recruiting-Team<br>Brandt Logistik GmbH &amp; "
        "Co. KG</p>"
        '<table style="font-size:9px;color:#666"><tr><td>Brandt Logistik GmbH &amp; Co. '
        "KG, Hafenstraße 4, 28217 Bremen. Geschäftsführer: H. Brandt. "
        "Datenschutzhinweise finden Sie in unserem Karriereportal.</td></tr></table>"
        "</div></body></html>",
        R,
        "Brandt Logistik",
        "Teamleiter Lager",
        html=True,
    ),
    Sample(
        "Finja Hartmann <finja.hartmann@web.de>",
        "Re: UX Researcher",
        "Hi Sam,\n\nleider hat es diesmal nicht geklappt - die Stelle bei Wolkenwerk ist "
        "intern besetzt worden. Tut mir echt leid!\n\nLG Finja",
        R,
        "Wolkenwerk",
        "UX Researcher",
    ),
    Sample(
        "Solvia Versicherung <jobs@solvia.recruitee.com>",
        "Update zu Ihrer Bewerbung bei Solvia",
        "Guten Tag Sam Lee,\n\nvielen Dank für die Zeit, die Sie sich für die Interviews "
        "zur Stelle Data Scientist Pricing genommen haben.\n\nWir haben nun eine "
        "Entscheidung getroffen: Wir werden den Prozess mit Ihnen leider nicht fortsetzen. "
        "Die Stelle wird vorerst nicht besetzt und wir schließen alle laufenden "
        "Bewerbungen.\n\nBeste Grüße\nTalent Acquisition, Solvia Versicherung AG",
        R,
        "Solvia Versicherung",
        "Data Scientist Pricing",
    ),
    Sample(
        "Hanse Digital <no-reply@hansedigital.teamtailor-mail.com>",
        "Deine Bewerbung",
        "Hey Sam,\n\ndanke dir für deine Bewerbung als Frontend Developer! Wir haben uns "
        "alles genau angeschaut und uns dazu entschieden, mit anderen Kandidat:innen "
        "weiterzumachen, die noch näher an unserem Stack sind.\n\nWir drücken dir die "
        "Daumen!\nDein Hanse Digital Team\n\nAbmelden | Datenschutz",
        R,
        "Hanse Digital",
        "Frontend Developer",
    ),
    # ---------------------------------------------------------------- rejections, French
    Sample(
        "Groupe Ardent <no-reply@groupe-ardent.smartrecruiters.com>",
        "Votre candidature",
        "Bonjour Sam,\n\nNous vous remercions de l'intérêt que vous portez au Groupe Ardent "
        "et de votre candidature au poste de Chef de projet digital.\n\nAprès étude "
        "attentive de votre dossier, nous sommes au regret de vous informer que nous ne "
        "sommes pas en mesure d'y donner une suite favorable.\n\nNous conservons "
        "toutefois votre CV dans notre vivier afin de vous recontacter si une opportunité "
        "correspondant à votre profil se présentait.\n\nCordialement,\nL'équipe "
        "Recrutement\nGroupe Ardent",
        R,
        "Groupe Ardent",
        "Chef de projet digital",
    ),
    Sample(
        "Hélène Marchand <helene.marchand@orange.fr>",
        "Suite à notre entretien",
        "Bonjour Sam,\n\nMerci encore pour notre échange de vendredi. Après réflexion avec "
        "l'équipe, nous avons choisi de poursuivre avec un autre profil, plus proche du "
        "secteur bancaire.\n\nJe vous souhaite bonne continuation.\n\nHélène Marchand\n"
        "Responsable RH - Lumière Conseil",
        R,
        "Lumière Conseil",
        "",
    ),
    Sample(
        "Vinci Horizon <vincihorizon@myworkday.com>",
        "Mise à jour de votre candidature - Ingénieur méthodes",
        '<html><body><table width="100%"><tr><td style="font-family:Arial">'
        "<p>Madame, Monsieur,</p><p>Nous avons bien étudié votre candidature au poste "
        "d'<b>Ingénieur méthodes</b> et nous vous en remercions.</p>"
        "<p>Malheureusement, votre profil ne correspond pas exactement à nos besoins "
        "actuels. Nous ne manquerons pas de revenir vers vous si un poste plus adapté "
        "venait à s'ouvrir.</p><p>Bien cordialement,<br>Direction des Ressources "
        "Humaines<br>Vinci Horizon</p></td></tr><tr><td>"
        + WD_LEGAL
        + "</td></tr></table></body></html>",
        R,
        "Vinci Horizon",
        "Ingénieur méthodes",
        html=True,
    ),
    Sample(
        "Maison Belcourt <no-reply@hire.lever.co>",
        "Maison Belcourt - Responsable e-commerce",
        "Bonjour Sam,\n\nMerci pour le temps consacré à nos échanges et pour votre "
        "intérêt pour Maison Belcourt.\n\nNous avons finalement décidé de ne pas donner "
        "suite à votre candidature pour ce poste. Ce n'était pas une décision facile.\n\n"
        "Belle journée,\nL'équipe Talents",
        R,
        "Maison Belcourt",
        "Responsable e-commerce",
    ),
    Sample(
        "Recrutement Astrée <recrutement@astree-assurances.fr>",
        "Réponse à votre candidature - Actuaire junior",
        "Madame,\n\nNous accusons réception de votre candidature au poste d'Actuaire "
        "junior et vous remercions de votre démarche.\n\nLe poste a été pourvu ; nous ne "
        "pouvons donc pas retenir votre candidature.\n\nVeuillez agréer, Madame, "
        "l'expression de nos salutations distinguées.\n\nService Recrutement\nAstrée "
        "Assurances",
        R,
        "Astrée Assurances",
        "Actuaire junior",
    ),
    Sample(
        "Pauline Roux <pauline@ptalents.fr>",
        "Re: Data Engineer",
        "Bonjour Sam,\n\nPetit retour de Kairn : ils ne vont pas plus loin, ils cherchent "
        "finalement quelqu'un de plus senior sur Spark. Désolée !\n\nJe te tiens au "
        "courant pour les autres pistes.\nPauline",
        R,
        "Kairn",
        "Data Engineer",
    ),
    Sample(
        "Cybelis <jobs@cybelis.workablemail.com>",
        "Candidature Analyste SOC - Cybelis",
        "Bonjour Sam Lee,\n\nMerci d'avoir postulé chez Cybelis. Après l'entretien "
        "technique, nous avons le regret de vous annoncer que nous n'allons pas poursuivre "
        "le processus avec vous pour le poste d'Analyste SOC.\n\nNous vous souhaitons "
        "plein de réussite.\nL'équipe Cybelis\n\nPropulsé par Workable. Pour ne plus "
        "recevoir ces e-mails, cliquez ici.",
        R,
        "Cybelis",
        "Analyste SOC",
    ),
    # ---------------------------------------------------------------- rejections, Spanish
    Sample(
        "Grupo Alcázar <no-reply@grupoalcazar.smartrecruiters.com>",
        "Tu candidatura",
        "Hola Sam,\n\nGracias por tu interés en Grupo Alcázar y por presentar tu "
        "candidatura al puesto de Analista Financiero.\n\nTras revisar detenidamente tu "
        "perfil, lamentamos comunicarte que en esta ocasión no vamos a continuar con tu "
        "candidatura.\n\nGuardaremos tu CV en nuestra base de datos para futuros "
        "procesos.\n\nUn saludo,\nEquipo de Selección\nGrupo Alcázar",
        R,
        "Grupo Alcázar",
        "Analista Financiero",
    ),
    Sample(
        "Lucía Ferrer <lucia.ferrer@gmail.com>",
        "Actualización",
        "Hola Sam, te escribo para contarte que al final nos hemos decantado por otra "
        "persona para el puesto de diseñadora. Me ha encantado conocerte, de verdad.\n\n"
        "Un abrazo,\nLucía\nEstudio Brisa",
        R,
        "Estudio Brisa",
        "Diseñadora",  # a title as the user types it, capitalised
    ),
    Sample(
        "Banco Meridional <bancomeridional@myworkday.com>",
        "Estado de tu solicitud - Científico de Datos",
        '<html><body><table cellpadding="10" style="font-family:Arial;font-size:14px">'
        "<tr><td><p>Estimado/a Sam Lee:</p><p>Te agradecemos el interés mostrado en la "
        "posición de <b>Científico de Datos</b>.</p><p>Después de valorar tu candidatura, "
        "hemos decidido seguir adelante con otros candidatos cuyo perfil se ajusta más a "
        "los requisitos del puesto.</p><p>Atentamente,<br>Talento y Cultura<br>Banco "
        "Meridional</p></td></tr><tr><td>" + WD_LEGAL + "</td></tr></table></body></html>",
        R,
        "Banco Meridional",
        "Científico de Datos",
        html=True,
    ),
    Sample(
        "Solaria Renovables <no-reply@hire.lever.co>",
        "Solaria Renovables - Ingeniero de Proyectos",
        "Hola Sam,\n\nMuchas gracias por dedicarnos tu tiempo en la entrevista final. Ha "
        "sido un proceso muy reñido, pero hemos decidido no avanzar con tu candidatura.\n\n"
        "Nos gustaría seguir en contacto para futuras oportunidades.\n\nSaludos,\nEquipo "
        "de Talento de Solaria",
        R,
        "Solaria Renovables",
        "Ingeniero de Proyectos",
    ),
    Sample(
        "Rodrigo Vidal <rvidal@headhuntersiberia.es>",
        "Re: Product Manager en Pagaluz",
        "Sam, buenas. Pagaluz me confirma que no siguen contigo; buscan a alguien con más "
        "experiencia en pagos B2B. Lo siento. Seguimos hablando.\n\nRodrigo",
        R,
        "Pagaluz",
        "Product Manager",
    ),
    Sample(
        "Andina Logística <rrhh@andina-logistica.icims.com>",
        "Proceso de selección: Coordinador de Almacén",
        '<html><body><div style="font-family:Tahoma"><p>Estimada Sam:</p>'
        "<p>Queremos agradecerte tu participación en el proceso de selección para el "
        "puesto de <strong>Coordinador de Almacén</strong>.</p><p>Te informamos de que la "
        "vacante ha quedado cancelada por motivos organizativos, por lo que cerramos todas "
        "las candidaturas.</p><p>Cordialmente,<br>Recursos Humanos<br>Andina Logística "
        'S.A.</p><p style="font-size:9px">Este mensaje es confidencial. Si lo has '
        "recibido por error, elimínalo.</p></div></body></html>",
        R,
        "Andina Logística",
        "Coordinador de Almacén",
        html=True,
    ),
    Sample(
        "Nubetech <empleo@nubetech.recruitee.com>",
        "Tu proceso en Nubetech",
        "Hola Sam,\n\nTe agradecemos el esfuerzo en la prueba técnica. Lamentablemente, "
        "no has sido seleccionada para la siguiente fase del puesto de Desarrolladora "
        "Backend.\n\nTe deseamos mucha suerte,\nEl equipo de Nubetech",
        R,
        "Nubetech",
        "Desarrolladora Backend",
    ),
    # ---------------------------------------------------------------- look-alikes, English
    Sample(
        "Brightline Analytics <no-reply@us.greenhouse-mail.io>",
        "Thank you for applying to Brightline Analytics",
        "Hi Sam,\n\nThanks for applying to the Data Analyst role at Brightline Analytics! "
        "We've received your application and our team will review it shortly. If your "
        "background is a fit, we'll be in touch about next steps.\n\nBrightline Recruiting"
        + GH_FOOTER,
        C,
    ),
    Sample(
        "Tidewater <no-reply@hire.lever.co>",
        "Tidewater - Backend Engineer",
        "Hi Sam,\n\nGreat news - the team would love to move you forward to a technical "
        "interview for the Backend Engineer role. Please pick a 60-minute slot that works "
        "for you using the link below.\n\nhttps://hire.lever.co/interviews/schedule/abc123"
        "\n\nTalk soon,\nMarcus, Talent @ Tidewater",
        I,
    ),
    Sample(
        "Priya Nair <priya@tidewater.io>",
        "Unfortunately we need to move your interview",
        "Hi Sam,\n\nUnfortunately our CTO has a conflict on Thursday, so we need to move "
        "your interview. Would Monday at 2pm or Tuesday at 10am work instead? Really sorry "
        "for the shuffle.\n\nPriya",
        I,
    ),
    Sample(
        "Kestrel Robotics via CodeSignal <noreply@codesignal.com>",
        "Your Kestrel Robotics coding assessment",
        "Hi Sam,\n\nKestrel Robotics has invited you to complete a coding assessment as "
        "the next step in their hiring process. You'll have 70 minutes; the link expires "
        "in 5 days.\n\nStart assessment: https://app.codesignal.com/test/xyz\n\nGood luck!"
        "\nThe CodeSignal Team",
        I,
    ),
    Sample(
        "Claire Donnelly <claire.d@hey.com>",
        "Next round",
        "Hi Sam,\n\nThanks for the panel yesterday - the feedback was really positive. "
        "We'd like you to meet our CEO for a final conversation. No prep needed; it's "
        "mostly about how you like to work. I'll send a calendar invite shortly.\n\n"
        "Claire\nVP Data | Fernhill Markets",
        I,
    ),
    Sample(
        "Pinecrest Labs <noreply@workablemail.com>",
        "Your offer from Pinecrest Labs",
        "Hello Sam,\n\nWe're sorry for the delay in getting this to you - approvals took "
        "longer than expected. Please find your offer letter for the Machine Learning "
        "Engineer position attached. We'd be thrilled to have you join us.\n\nPlease sign "
        "by Friday, March 13.\n\nPinecrest Labs Hiring Team\n\nPowered by Workable",
        O,
    ),
    Sample(
        "Ravi Menon <ravi.menon@cobaltridge.dev>",
        "Offer - Platform Engineer",
        "Sam, I'm delighted to tell you we'd like to offer you the Platform Engineer role. "
        "Details in the attached letter; shout if you have any questions.\n\nRavi",
        O,
    ),
    Sample(
        "Lumen & Vale <no-reply@ashbyhq.com>",
        "Your application has been withdrawn",
        "Hi Sam,\n\nThis confirms that you have withdrawn your application for the Growth "
        "Marketing Manager role at Lumen & Vale. We're sorry to see you go and wish you "
        "the best.\n\nIf this was a mistake, just reply to this email.\n\nLumen & Vale",
        X,
    ),
    Sample(
        "LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>",
        "12 new jobs for 'Data Analyst' in London",
        "Your job alert for Data Analyst in London\n\nSenior Data Analyst - Brightline "
        "Analytics - London (Hybrid)\nData Analyst, Growth - Fernhill Markets - London\n"
        "Analytics Engineer - Orchard Bank - Remote\n\nSee all jobs\n\nYou are receiving "
        "Job Alert emails. Unsubscribe: https://www.linkedin.com/jobs/alerts",
        X,
        headers=BULK,
    ),
    Sample(
        "Indeed <alert@indeed.com>",
        "Recommended jobs for you",
        '<html><body><table style="font-family:Arial"><tr><td><h2>Jobs picked for you'
        "</h2></td></tr><tr><td><b>Backend Engineer</b><br>Tidewater &middot; Remote<br>"
        "Easily apply</td></tr><tr><td><b>Platform Engineer</b><br>Cobalt Ridge &middot; "
        'Bristol</td></tr><tr><td style="font-size:10px">Don\'t want these emails? '
        '<a href="https://indeed.com/unsub">Unsubscribe</a></td></tr></table></body></html>',
        X,
        html=True,
        headers=BULK,
    ),
    Sample(
        "The Muse <newsletter@themuse.com>",
        "How to handle rejection after a final-round interview",
        "This week on The Muse:\n\nHow to handle rejection after a final-round interview\n"
        "Getting a 'we've decided to move forward with other candidates' email after "
        "four rounds stings. Here's how to ask for feedback, keep the relationship warm "
        "and bounce back.\n\nAlso: 7 reasons candidates get rejected (and how to avoid "
        "them)\n\nRead more: https://www.themuse.com/advice\n\nUnsubscribe | Manage "
        "preferences",
        X,
        headers=BULK,
    ),
    Sample(
        "Hiring Insights by Ada Chen <adachen@substack.com>",
        "Why we rejected 94% of applicants last year",
        "Hi friends,\n\nWe reviewed 3,100 applications for 14 roles. Unfortunately, most "
        "were rejected in the first 30 seconds. In this post I break down why: no "
        "numbers on the CV, generic cover letters, and applying to roles three levels "
        "off.\n\nIf a company sends you 'we won't be moving forward', ask why - most "
        "will tell you.\n\nAda\n\nUnsubscribe https://adachen.substack.com/unsub",
        X,
        headers=BULK,
    ),
    Sample(
        "Northbank Card Services <alerts@northbank.co.uk>",
        "Your payment was declined",
        "Dear Sam Lee,\n\nUnfortunately a payment of GBP 42.10 to CITYFIT GYM on 02/03 "
        "was declined because it exceeded your available balance. No action is needed if "
        "you did not intend to make this payment.\n\nNorthbank",
        X,
    ),
    Sample(
        "Greenway Lettings <lettings@greenwaylettings.co.uk>",
        "Your application for Flat 3, 14 Elm Road",
        "Dear Sam,\n\nThank you for applying to rent Flat 3, 14 Elm Road. Unfortunately "
        "your application has not been successful on this occasion, as the landlord has "
        "accepted another applicant. We will let you know about similar properties.\n\n"
        "Kind regards,\nGreenway Lettings",
        X,
    ),
    Sample(
        "PyCon Programme Committee <program@pycon.example.org>",
        "Your talk proposal",
        "Dear Sam,\n\nThank you for submitting 'Parsing email for fun and profit'. We "
        "received over 600 proposals for 90 slots, and unfortunately we were not able to "
        "accept yours this year. Reviewer comments are below.\n\nThe Programme Committee",
        X,
    ),
    Sample(
        "Eventbrite <noreply@eventbrite.com>",
        "Sold out: Tech Careers Fair London",
        "Hi Sam,\n\nUnfortunately Tech Careers Fair London is now sold out. We've added "
        "you to the waitlist and will email you if a ticket becomes available.\n\n"
        "Eventbrite",
        X,
    ),
    Sample(
        "Royal Mail <no-reply@royalmail.com>",
        "We missed you",
        "Sorry we missed you. Unfortunately we were unable to deliver your parcel today "
        "because no one was home. Reference: RM 4418 2201 GB. Rebook online.",
        X,
    ),
    Sample(
        "Anya Volkova <anya@brightpath-search.com>",
        "Senior Data Analyst opportunity - fintech, London",
        "Hi Sam,\n\nI came across your profile and think you'd be a strong fit for a "
        "Senior Data Analyst role I'm working on with a Series B fintech. Hybrid, "
        "GBP 75-85k. Would you be open to a quick chat this week?\n\nBest,\nAnya Volkova\n"
        "BrightPath Search",
        X,
    ),
    Sample(
        "Orchard Bank Talent Acquisition <talent@orchardbank.icims.com>",
        "Requisition 5102 - Credit Risk Analyst: update",
        "<html><body><p>Dear Sam,</p><p>We wanted to let you know that the "
        "<b>Credit Risk Analyst</b> requisition has been temporarily put on hold while we "
        "finalise budgets. Your application remains active and you are still in the "
        "process; we expect to resume interviews in April.</p><p>Thank you for your "
        "patience.<br>Orchard Bank Talent Acquisition</p></body></html>",
        X,
        html=True,
    ),
    Sample(
        "Marcus Bell <marcus.bell@gridwave.com>",
        "References - Gridwave",
        "Hi Sam,\n\nWe're at the reference stage now - could you send me contact details for "
        "two referees, ideally a former manager? Once we have those we can move to the "
        "final step.\n\nThanks,\nMarcus\nGridwave",
        I,
    ),
    Sample(
        "Tom Hughes <tom.hughes@fernhill.co.uk>",
        "Reference for Jordan Reyes",
        "Hi Sam,\n\nJordan Reyes has applied for a role with us and named you as a referee. "
        "Unfortunately our deadline is tight - could you answer the five short questions "
        "below by Thursday?\n\nMany thanks,\nTom Hughes\nPeople Team, Fernhill Markets",
        X,
    ),
    Sample(
        "Quillon Software <jobs@smartrecruiters.com>",
        "Action required: complete your candidate profile",
        "Hi Sam,\n\nYour profile for the Product Designer application at Quillon "
        "Software is incomplete. Please add your work history and portfolio link so the "
        "hiring team can review your application.\n\nComplete profile: "
        "https://jobs.smartrecruiters.com/profile\n\nSmartRecruiters",
        X,
    ),
    Sample(
        "Sam Lee <sam@example.org>",
        "Re: Offer - Platform Engineer",
        "Hi Ravi,\n\nThank you so much for the offer and for the time everyone spent with "
        "me. After a lot of thought I've decided to decline - I've accepted a role that's "
        "closer to home. I hope our paths cross again.\n\nBest,\nSam",
        X,
    ),
    Sample(
        "Harbor Health Careers <harborhealth@myworkday.com>",
        "Application received - Clinical Systems Analyst",
        '<html><body><table width="600"><tr><td style="padding:20px">'
        "<p>Dear Sam Lee,</p><p>Thank you for applying for the <b>Clinical Systems "
        "Analyst</b> position. We have received your application and will review it. "
        "Should your qualifications match our needs, a recruiter will contact you.</p>"
        "<p>Harbor Health Talent Acquisition</p></td></tr><tr><td>"
        + WD_LEGAL
        + "</td></tr></table></body></html>",
        C,
        html=True,
    ),
    Sample(
        "Open Data Fund <grants@opendatafund.org>",
        "Decision on your grant application",
        "Dear Sam,\n\nThank you for applying to the Spring round. Competition was very "
        "strong and we regret that we are unable to fund your project this time. You are "
        "welcome to reapply in the autumn.\n\nOpen Data Fund",
        X,
    ),
    # ---------------------------------------------------------------- look-alikes, German
    Sample(
        "Müller & Söhne KG <bewerbung@mueller-soehne.personio.de>",
        "Eingangsbestätigung Ihrer Bewerbung",
        "Sehr geehrte Frau Lee,\n\nvielen Dank für Ihre Bewerbung als Controllerin "
        "(m/w/d). Hiermit bestätigen wir den Eingang Ihrer Unterlagen. Wir melden uns in "
        "den nächsten zwei Wochen bei Ihnen.\n\nMit freundlichen Grüßen\nIhr Personalteam",
        C,
    ),
    Sample(
        "Kerstin Albrecht <k.albrecht@nordlicht-it.de>",
        "Einladung zum Vorstellungsgespräch",
        "Hallo Sam,\n\nwir würden dich gerne kennenlernen! Hast du am Mittwoch, 11.03., um "
        "14 Uhr Zeit für ein Gespräch per Teams (ca. 45 Minuten)?\n\nViele Grüße\nKerstin"
        "\nNordlicht IT GmbH",
        I,
    ),
    Sample(
        "Solvia Versicherung <jobs@solvia.recruitee.com>",
        "Ihr Vertragsangebot",
        "Guten Tag Sam Lee,\n\nwir freuen uns sehr, Ihnen die Stelle als Data Scientist "
        "Pricing anbieten zu können. Den Vertrag finden Sie im Anhang.\n\nBeste Grüße\n"
        "Talent Acquisition, Solvia Versicherung AG",
        O,
    ),
    Sample(
        "StepStone Jobagent <jobagent@stepstone.de>",
        "7 neue Jobs für: Data Analyst, Berlin",
        "Ihr Jobagent hat neue Stellen gefunden:\n\nData Analyst (m/w/d) - Hanse Digital "
        "- Hamburg\nBI Analyst - Solvia Versicherung - Köln\n\nAlle Jobs ansehen\n\n"
        "Jobagent abbestellen: https://www.stepstone.de/jobagent",
        X,
        headers=BULK,
    ),
    Sample(
        "Studierendenwerk Berlin <wohnen@stw.berlin>",
        "Ihr Antrag auf einen Wohnheimplatz",
        "Sehr geehrte Frau Lee,\n\nleider können wir Ihnen zum Sommersemester keinen "
        "Wohnheimplatz anbieten. Ihr Antrag bleibt auf der Warteliste.\n\nMit "
        "freundlichen Grüßen\nAbteilung Wohnen",
        X,
    ),
    Sample(
        "Hanse Digital <no-reply@hansedigital.teamtailor-mail.com>",
        "Dein Coding-Challenge für Hanse Digital",
        "Hey Sam,\n\nals nächsten Schritt schicken wir dir eine kleine Coding-Challenge. "
        "Du hast dafür eine Woche Zeit - bitte reiche deine Lösung über den Link ein.\n\n"
        "Viel Erfolg!\nDein Hanse Digital Team",
        I,
    ),
    # ---------------------------------------------------------------- look-alikes, French
    Sample(
        "Groupe Ardent <no-reply@groupe-ardent.smartrecruiters.com>",
        "Confirmation de votre candidature",
        "Bonjour Sam,\n\nNous avons bien reçu votre candidature au poste de Chef de projet "
        "digital et vous en remercions. Notre équipe l'étudiera avec attention.\n\n"
        "L'équipe Recrutement\nGroupe Ardent",
        C,
    ),
    Sample(
        "Hélène Marchand <helene.marchand@orange.fr>",
        "Entretien - Lumière Conseil",
        "Bonjour Sam,\n\nMalheureusement, je dois décaler notre entretien de jeudi. "
        "Seriez-vous disponible lundi à 11h ? Toutes mes excuses.\n\nHélène Marchand\n"
        "Responsable RH - Lumière Conseil",
        I,
    ),
    Sample(
        "Maison Belcourt <no-reply@hire.lever.co>",
        "Maison Belcourt - Proposition d'embauche",
        "Bonjour Sam,\n\nNous avons le plaisir de vous proposer le poste de Responsable "
        "e-commerce. Vous trouverez la promesse d'embauche en pièce jointe.\n\n"
        "L'équipe Talents",
        O,
    ),
    Sample(
        "Welcome to the Jungle <newsletter@welcometothejungle.com>",
        "Refus après entretien : comment rebondir ?",
        "Cette semaine : recevoir un refus après un entretien n'est jamais agréable. Nos "
        "conseils pour demander un retour au recruteur et rebondir.\n\nSe désinscrire",
        X,
        headers=BULK,
    ),
    Sample(
        "Préfecture - Titres de séjour <ne-pas-repondre@interieur.gouv.fr>",
        "Votre demande de titre de séjour",
        "Madame,\n\nNous avons le regret de vous informer que votre demande ne peut être "
        "instruite en l'état : des pièces justificatives sont manquantes.\n\n"
        "La Préfecture",
        X,
    ),
    # ---------------------------------------------------------------- look-alikes, Spanish
    Sample(
        "Grupo Alcázar <no-reply@grupoalcazar.smartrecruiters.com>",
        "Hemos recibido tu candidatura",
        "Hola Sam,\n\nGracias por inscribirte en la oferta de Analista Financiero. Hemos "
        "recibido tu candidatura correctamente y la revisaremos en los próximos días.\n\n"
        "Equipo de Selección\nGrupo Alcázar",
        C,
    ),
    Sample(
        "Solaria Renovables <no-reply@hire.lever.co>",
        "Solaria Renovables - Ingeniero de Proyectos",
        "Hola Sam,\n\nNos ha gustado mucho tu perfil y queremos invitarte a una "
        "entrevista con el equipo técnico. Elige el horario que mejor te venga en este "
        "enlace.\n\nSaludos,\nEquipo de Talento de Solaria",
        I,
    ),
    Sample(
        "Banco Meridional <bancomeridional@myworkday.com>",
        "Oferta de empleo - Científico de Datos",
        "<html><body><p>Estimado/a Sam Lee:</p><p>Disculpa la demora. Nos complace "
        "adjuntarte la carta de oferta para la posición de <b>Científico de Datos</b>."
        "</p><p>Atentamente,<br>Talento y Cultura</p></body></html>",
        O,
        html=True,
    ),
    Sample(
        "Banco Solidez <avisos@bancosolidez.es>",
        "Tu solicitud de préstamo",
        "Hola Sam,\n\nLamentamos comunicarte que tu solicitud de préstamo personal no ha "
        "sido aprobada en esta ocasión.\n\nBanco Solidez",
        X,
    ),
    Sample(
        "InfoJobs <alertas@infojobs.net>",
        "Nuevas ofertas que encajan contigo",
        "Hola Sam, estas ofertas coinciden con tu alerta 'Analista de datos':\n\n"
        "Analista de Datos - Nubetech - Madrid\nBI Developer - Pagaluz - Remoto\n\n"
        "Darse de baja de estas alertas",
        X,
        headers=BULK,
    ),
    Sample(
        "Nubetech <empleo@nubetech.recruitee.com>",
        "Prueba técnica - siguiente fase",
        "Hola Sam,\n\n¡Enhorabuena! Has pasado a la siguiente fase del proceso para "
        "Desarrolladora Backend. Te enviamos la prueba técnica; tienes 5 días.\n\n"
        "El equipo de Nubetech",
        I,
    ),
    Sample(
        "Cybelis <jobs@cybelis.workablemail.com>",
        "Nouvelle opportunité : Analyste SOC senior",
        "Bonjour Sam,\n\nJe me permets de vous contacter car votre profil a retenu notre "
        "attention pour un poste d'Analyste SOC senior. Seriez-vous ouverte à un échange "
        "cette semaine ?\n\nBien à vous,\nNadia, Talent Acquisition Cybelis",
        X,
    ),
    Sample(
        "karriere.blog <newsletter@karriere-blog.de>",
        "Absage erhalten? So fragst du nach Feedback",
        "Im neuen Beitrag: Warum Bewerber abgelehnt werden, was hinter Formulierungen wie "
        "'leider müssen wir Ihnen mitteilen' steckt und wie du nach einer Absage höflich "
        "nach Gründen fragst.\n\nZum Artikel\n\nNewsletter abbestellen",
        X,
        headers=BULK,
    ),
    Sample(
        "Andina Logística <rrhh@andina-logistica.icims.com>",
        "Confirmación: has retirado tu candidatura",
        "Hola Sam,\n\nTe confirmamos que has retirado tu candidatura al puesto de "
        "Coordinador de Almacén. Sentimos que no sigas en el proceso.\n\nRecursos Humanos"
        "\nAndina Logística",
        X,
    ),
]

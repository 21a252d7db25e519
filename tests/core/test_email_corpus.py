"""A corpus of rejection emails and look-alikes, written for these tests (no real mail), in
English, German, French and Spanish and in the styles of the common applicant-tracking
systems. It measures what issue 14 asks: precision and recall of "this is a rejection", and
how often the company and the role come out right. Run with -s to see the figures."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass

import pytest

from desktop.core.applied_to import AppliedTo
from desktop.core.email_parsing import ParsedEmail, parse_rejection_email
from tests.core import email_corpus_dev, email_corpus_held_out, email_corpus_sealed
from tests.core.email_corpus import C, I, O, R, Sample, X

REJECTIONS = [
    Sample(
        "Acme Recruiting <no-reply@greenhouse.io>",
        "Your application to Acme",
        "Hi Sam,\n\nThank you for your interest in the Data Analyst role at Acme. After a "
        "careful review we have decided to move forward with other candidates whose "
        "experience is closer to what the team needs.\n\nBest,\nThe Acme Recruiting Team",
        R,
        "Acme",
        "Data Analyst",
    ),
    Sample(
        "Globex <no-reply@hire.lever.co>",
        "Globex - Backend Engineer",
        "Hi Sam,\n\nThanks for applying. Unfortunately we will not be moving forward with "
        "your application at this time.\n\nGlobex Talent",
        R,
        "Globex",
        "Backend Engineer",
    ),
    Sample(
        "Initech <no-reply@ashbyhq.com>",
        "Update on your application for Product Designer",
        "Hello Sam,\n\nWe appreciate the time you put into applying. We have decided not to "
        "proceed with your application.\n\nKind regards,\nInitech",
        R,
        "Initech",
        "Product Designer",
    ),
    Sample(
        "Umbrella Corporation <umbrella@myworkday.com>",
        "Your Application Status",
        "<table><tr><td><p>Dear Sam,</p><p>Thank you for your interest in the Senior "
        "Financial Analyst position at Umbrella Corporation.</p><p>Unfortunately, you have "
        "not been selected for this position.</p></td></tr></table>",
        R,
        "Umbrella Corporation",
        "Senior Financial Analyst",
        html=True,
    ),
    Sample(
        "Hooli Careers <careers-hooli@talent.icims.com>",
        "Hooli: update regarding your application",
        "<div>Dear Sam,<br>Thank you for applying to the Site Reliability Engineer position."
        " We regret to inform you that we have selected another candidate.</div>",
        R,
        "Hooli",
        "Site Reliability Engineer",
        html=True,
    ),
    Sample(
        "Vandelay Industries <noreply@smartrecruiters.com>",
        "Your application for Import Export Manager",
        "Dear Sam,\n\nThank you for your application. We reviewed it carefully and regret "
        "that we will not be progressing it further.\n\nVandelay Industries",
        R,
        "Vandelay Industries",
        "Import Export Manager",
    ),
    Sample(
        "Dana Reyes <dana.reyes@stark-industries.example>",
        "Re: Machine Learning Engineer position",
        "Hi Sam,\n\nThanks so much for your time last week. I'm sorry to say that the team "
        "has decided to go with another candidate.\n\nBest regards,\nDana Reyes\n"
        "Talent Partner | Stark Industries",
        R,
        "Stark Industries",
        "Machine Learning Engineer",
    ),
    Sample(
        "Müller & Söhne KG <jobs@mueller-soehne.example>",
        "Ihre Bewerbung als Buchhalter",
        "Sehr geehrter Herr Lee,\n\nvielen Dank für Ihre Bewerbung. Leider müssen wir Ihnen "
        "mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben.\n\n"
        "Mit freundlichen Grüßen\nPersonalabteilung",
        R,
        "Müller & Söhne KG",
        "Buchhalter",
    ),
    Sample(
        "Beispiel AG <karriere@beispiel-ag.example>",
        "Absage: Bewerbung als Werkstudentin Marketing",
        "Hallo Sam,\n\nleider können wir Ihnen keine positive Rückmeldung geben. Wir "
        "wünschen Ihnen alles Gute.\n\nIhr Team der Beispiel AG",
        R,
        "Beispiel AG",
        "Werkstudentin Marketing",
    ),
    Sample(
        "Exemple SA <recrutement@exemple.example>",
        "Votre candidature au poste de Chef de projet",
        "Bonjour,\n\nNous vous remercions de l'intérêt que vous portez à notre société. "
        "Malheureusement, nous ne pouvons pas donner une suite favorable à votre "
        "candidature.\n\nCordialement",
        R,
        "Exemple SA",
        "Chef de projet",
    ),
    Sample(
        "Claire Martin <claire.martin@fromagerie-dupont.example>",
        "Candidature pour Développeuse Python",
        "Bonjour Sam,\n\nAprès un examen attentif, votre candidature n'a pas été retenue."
        "\n\nCordialement,\nClaire Martin\nResponsable RH, Fromagerie Dupont",
        R,
        "Fromagerie Dupont",
        "Développeuse Python",
    ),
    Sample(
        "Ejemplo Tech <empleo@ejemplotech.example>",
        "Tu solicitud para el puesto de Analista de Datos",
        "Hola Sam,\n\nGracias por tu interés en Ejemplo Tech. Lamentablemente, no has sido "
        "seleccionado para continuar en el proceso.\n\nUn saludo",
        R,
        "Ejemplo Tech",
        "Analista de Datos",
    ),
    Sample(
        "Talento <talento@constructora-ruiz.example>",
        "Proceso de selección - Ingeniera Civil",
        "Estimada Sam:\n\nLamentamos informarte que hemos decidido continuar con otra "
        "candidata para esta posición.\n\nAtentamente",
        R,
        "Constructora Ruiz",
        "Ingeniera Civil",
    ),
    Sample(
        "Priya Natarajan <priya@initrode.example>",
        "Your application",
        "Hi Sam, thank you for applying for the QA Lead role. We were impressed, but we "
        "have decided to pursue other candidates for this position.\n\nKind regards,\nPriya",
        R,
        "Initrode",
        "QA Lead",
    ),
    Sample(
        "Wayne Enterprises <no-reply@greenhouse-mail.io>",
        "Wayne Enterprises - Security Analyst",
        "Hi Sam,\n\nThank you for your application. The position has been filled, and we "
        "will keep your details on file.\n\nWayne Enterprises",
        R,
        "Wayne Enterprises",
        "Security Analyst",
    ),
    Sample(
        "Cyberdyne Systems <no-reply@teamtailor.com>",
        "Regarding your application for Robotics Engineer",
        "Hello Sam,\n\nUnfortunately, we have decided not to move forward with your "
        "application.\n\nCyberdyne Systems",
        R,
        "Cyberdyne Systems",
        "Robotics Engineer",
    ),
    Sample(
        "Soylent <noreply@workable.com>",
        "Thank you for your interest in Soylent",
        "Dear Sam,\n\nWe appreciate you taking the time to apply for the Food Scientist "
        "position. We regret to inform you that we will not be moving forward.\n\nSoylent",
        R,
        "Soylent",
        "Food Scientist",
    ),
    Sample(
        "Oscorp Talent <talent@oscorp.example>",
        "Application update: Research Chemist",
        "Hello Sam, thank you for interviewing with us. After much deliberation, you were "
        "not selected for the next round.",
        R,
        "Oscorp",
        "Research Chemist",
    ),
    Sample(
        "Beispiel GmbH <noreply@personio.de>",
        "Ihre Bewerbung bei Beispiel GmbH",
        "Hallo Sam,\n\nvielen Dank für Ihr Interesse an der Position als Frontend Entwickler. "
        "Leider müssen wir Ihnen mitteilen, dass wir Ihre Bewerbung nicht weiter "
        "berücksichtigen können.",
        R,
        "Beispiel GmbH",
        "Frontend Entwickler",
    ),
    Sample(
        "Société Générique <noreply@smartrecruiters.com>",
        "Votre candidature chez Société Générique",
        "Bonjour Sam,\n\nMerci pour votre candidature au poste de Data Engineer. Nous avons "
        "le regret de vous informer que nous n'avons pas retenu votre candidature.",
        R,
        "Société Générique",
        "Data Engineer",
    ),
    Sample(
        '"Smith & Wesson Careers" <careers@smith-wesson.example>',
        "Your application for Quality Inspector",
        "Dear Sam,\n\nThank you for applying. We have decided to move forward with another "
        "candidate.\n\nSmith & Wesson Careers",
        R,
        "Smith & Wesson",
        "Quality Inspector",
    ),
    Sample(
        "Massive Dynamic <no-reply@jobvite.com>",
        "Your candidacy for Lab Technician",
        "Hi Sam,\n\nThank you for your interest in Massive Dynamic. Unfortunately, your "
        "application was not successful this time.\n\nMassive Dynamic Recruiting",
        R,
        "Massive Dynamic",
        "Lab Technician",
    ),
]

LOOK_ALIKES = [
    Sample(
        "Acme Recruiting <no-reply@greenhouse.io>",
        "Interview invitation: Data Analyst at Acme",
        "Hi Sam, we'd like to invite you to an interview for the Data Analyst role. Please "
        "use the link below to book a time.",
        I,
    ),
    Sample(
        "Dana Reyes <dana@globex.example>",
        "Re: Backend Engineer interview",
        "Hi Sam, unfortunately the slot we had on Tuesday moved. Could you share your "
        "availability for Thursday?",
        I,
    ),
    Sample(
        "Initech <no-reply@ashbyhq.com>",
        "Thank you for applying to Initech",
        "Hi Sam, we have received your application for the Product Designer role and will "
        "review it shortly.",
        C,
    ),
    Sample(
        "Beispiel GmbH <noreply@personio.de>",
        "Eingangsbestätigung Ihrer Bewerbung",
        "Hallo Sam, vielen Dank! Ihre Bewerbung ist bei uns eingegangen und wird geprüft.",
        C,
    ),
    Sample(
        "Exemple SA <recrutement@exemple.example>",
        "Accusé de réception de votre candidature",
        "Bonjour, nous avons bien reçu votre candidature au poste de Chef de projet.",
        C,
    ),
    Sample(
        "Ejemplo Tech <empleo@ejemplotech.example>",
        "Hemos recibido tu solicitud",
        "Hola Sam, hemos recibido tu solicitud para el puesto de Analista de Datos.",
        C,
    ),
    Sample(
        "Dana Reyes <dana.reyes@stark-industries.example>",
        "Offer: Machine Learning Engineer",
        "Hi Sam, we are delighted to offer you the Machine Learning Engineer position. Your "
        "offer letter is attached.",
        O,
    ),
    Sample(
        "Müller & Söhne KG <jobs@mueller-soehne.example>",
        "Vertragsangebot",
        "Sehr geehrter Herr Lee, wir freuen uns, Ihnen für die Stelle als Buchhalter ein "
        "Angebot machen zu können.",
        O,
    ),
    Sample(
        "LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>",
        "30 new jobs for Data Analyst",
        "Jobs you may be interested in: Data Analyst at Acme, Data Analyst at Globex.",
        X,
        headers={"List-Unsubscribe": "<https://linkedin.example/unsubscribe>"},
    ),
    Sample(
        "Career Weekly <newsletter@careerweekly.example>",
        "How to handle a job rejection",
        "Unfortunately, every job seeker reads 'we have decided to move forward with other "
        "candidates' now and then. Here is how to reply to such an application outcome.",
        X,
        headers={"List-Unsubscribe": "<mailto:leave@careerweekly.example>"},
    ),
    Sample(
        "Billing <billing@shop.example>",
        "Your payment was declined",
        "Unfortunately your card was declined. Please update your payment method.",
        X,
    ),
    Sample(
        "Globex <no-reply@hire.lever.co>",
        "You have withdrawn your application",
        "Hi Sam, this confirms that you have withdrawn your application for Backend "
        "Engineer. We wish you well.",
        X,
    ),
    Sample(
        "Dana <dana@friends.example>",
        "Dinner on Friday",
        "Unfortunately I can't make it on Friday, sorry! We regret to inform you that the "
        "cake is gone too.",
        X,
    ),
    Sample(
        "Meetup <info@meetup.example>",
        "Event cancelled",
        "We regret to inform you that tonight's event is cancelled.",
        X,
    ),
    Sample(
        "Société Générique <noreply@smartrecruiters.com>",
        "Votre candidature: entretien",
        "Bonjour Sam, nous souhaitons vous inviter à un entretien pour le poste de Data Engineer.",
        I,
    ),
    Sample(
        "Ejemplo Tech <empleo@ejemplotech.example>",
        "Siguiente paso",
        "Hola Sam, nos gustaría invitarte a una entrevista para el puesto de Analista de Datos.",
        I,
    ),
    Sample(
        "Beispiel AG <karriere@beispiel-ag.example>",
        "Einladung zum Vorstellungsgespräch",
        "Hallo Sam, wir möchten Sie gern zu einem Vorstellungsgespräch für die Stelle als "
        "Werkstudentin Marketing einladen.",
        I,
    ),
    Sample(
        "Sophie Lang <sophie@headhunters.example>",
        "Exciting opportunity",
        "Hi Sam, I came across your profile and have a role that might interest you. Are "
        "you open to a chat?",
        X,
    ),
    Sample(
        "Wayne Enterprises <no-reply@greenhouse-mail.io>",
        "Update on your application",
        "Hi Sam, your application is still under review. We will be in touch soon.",
        X,
    ),
    Sample(
        "Oscorp Talent <talent@oscorp.example>",
        "Next steps - Security Analyst",
        "Good news! We would like to schedule an interview with you next week.",
        I,
    ),
    Sample(
        "Soylent <noreply@workable.com>",
        "Thanks for applying to Soylent",
        "Thanks for applying to Soylent! We've received your application and our team "
        "will review it.",
        C,
    ),
    Sample(
        "Umbrella Corporation <umbrella@myworkday.com>",
        "Password reset",
        "Someone asked to reset the password of your candidate account.",
        X,
    ),
]


# A second round, written after the rules were first tuned on the lists above (before they
# saw this round, the rules found none of its six rejections); the rules were then widened.
SECOND_ROUND = [
    Sample(
        "Northwind Traders <no-reply@greenhouse.io>",
        "Northwind Traders: your application",
        "Hi Sam,\n\nThanks for your patience while we reviewed your application for Supply "
        "Chain Planner. We've now filled the role and won't be taking your application "
        "further.\n\nAll the best,\nNorthwind Traders",
        R,
        "Northwind Traders",
        "Supply Chain Planner",
    ),
    Sample(
        "Jordan Miles <jordan@blue-harbor.example>",
        "Following up",
        "Hi Sam, I wanted to let you know personally that we offered the Copywriter role to "
        "someone else. I really enjoyed our conversation.\n\nBest,\nJordan Miles\n"
        "Creative Director, Blue Harbor",
        R,
        "Blue Harbor",
        "Copywriter",
    ),
    Sample(
        "Lindqvist AB <jobb@lindqvist.example>",
        "Your application for Mechanical Designer",
        "Dear Sam,\n\nThank you for applying. Regrettably, we will not be taking your "
        "application forward on this occasion.\n\nLindqvist AB",
        R,
        "Lindqvist AB",
        "Mechanical Designer",
    ),
    Sample(
        "Stadtwerke Nord GmbH <bewerbung@stadtwerke-nord.example>",
        "Ihre Bewerbung als Elektroniker",
        "Guten Tag Sam,\n\nwir bedanken uns für Ihr Interesse. Nach sorgfältiger Prüfung "
        "haben wir uns gegen Ihre Bewerbung entschieden.\n\nFreundliche Grüße",
        R,
        "Stadtwerke Nord GmbH",
        "Elektroniker",
    ),
    Sample(
        "Atelier Lumière <rh@atelier-lumiere.example>",
        "Votre candidature au poste de Graphiste",
        "Bonjour Sam,\n\nNous avons étudié votre profil avec attention. Nous sommes au regret "
        "de ne pas pouvoir retenir votre candidature.\n\nBien à vous",
        R,
        "Atelier Lumière",
        "Graphiste",
    ),
    Sample(
        "Grupo Sol <seleccion@gruposol.example>",
        "Tu candidatura para Contable",
        "Hola Sam,\n\nGracias por participar en nuestro proceso. En esta ocasión hemos "
        "optado por otro perfil.\n\nSaludos",
        R,
        "Grupo Sol",
        "Contable",
    ),
    Sample(
        "Northwind Traders <no-reply@greenhouse.io>",
        "Let's talk: Supply Chain Planner",
        "Hi Sam, the hiring manager would love to meet you. Pick a slot that suits you for "
        "a 30-minute video interview.",
        I,
    ),
    Sample(
        "Lindqvist AB <jobb@lindqvist.example>",
        "Your application has been received",
        "Dear Sam, thank you for applying for Mechanical Designer. We will get back to you "
        "within two weeks.",
        C,
    ),
    Sample(
        "Jordan Miles <jordan@blue-harbor.example>",
        "Good news",
        "Hi Sam, we'd love for you to join Blue Harbor as our Copywriter. The formal offer "
        "will follow tomorrow.",
        O,
    ),
    Sample(
        "Job Digest <digest@jobs-weekly.example>",
        "Your weekly digest: 12 new Designer roles",
        "Here are this week's openings. Unfortunately, some roles closed before we could "
        "list them.",
        X,
        headers={"List-Unsubscribe": "<mailto:stop@jobs-weekly.example>"},
    ),
    Sample(
        "Stadtwerke Nord GmbH <bewerbung@stadtwerke-nord.example>",
        "Terminverschiebung",
        "Hallo Sam, leider müssen wir unseren Termin am Dienstag verschieben. Passt Ihnen "
        "Donnerstag?",
        I,
    ),
    Sample(
        "Bank Support <support@mybank.example>",
        "Transaction declined",
        "We regret to inform you that your recent transaction was declined. Please contact "
        "us if this was unexpected.",
        X,
    ),
]


# A third round: before the rules saw it, they found one of its six rejections and read 4 of
# its 12 emails right; then they were widened again.
THIRD_ROUND = [
    Sample(
        "Pinecrest Analytics <talent@pinecrest.example>",
        "Data Engineer opening",
        "Hi Sam,\n\nWe really appreciated getting to know you. After comparing all finalists, "
        "we're going in a different direction for the Data Engineer opening.\n\nWarmly,\n"
        "Pinecrest Analytics",
        R,
        "Pinecrest Analytics",
        "Data Engineer",
    ),
    Sample(
        "Marta Costa <marta.costa@riverstone.example>",
        "Your interview with Riverstone",
        "Hello Sam, thank you for interviewing with Riverstone. I'm afraid we won't be "
        "extending an offer for the Account Executive role.\n\nMarta",
        R,
        "Riverstone",
        "Account Executive",
    ),
    Sample(
        "Quantum Leap Ltd <careers@quantumleap.example>",
        "Application outcome - Laboratory Assistant",
        "Dear Sam, we have reviewed your application carefully and will not be progressing "
        "to interview stage.\n\nQuantum Leap Ltd",
        R,
        "Quantum Leap Ltd",
        "Laboratory Assistant",
    ),
    Sample(
        "Bäckerei Huber <info@baeckerei-huber.example>",
        "Ihre Bewerbung als Verkäuferin",
        "Liebe Sam,\n\nherzlichen Dank für Ihre Bewerbung. Wir haben die Stelle inzwischen "
        "vergeben und können Ihnen daher leider nicht zusagen.\n\nViele Grüße",
        R,
        "Bäckerei Huber",
        "Verkäuferin",
    ),
    Sample(
        "Cabinet Moreau <contact@cabinet-moreau.example>",
        "Candidature - Assistante juridique",
        "Madame,\n\nNous accusons réception de votre candidature. Après étude, celle-ci ne "
        "correspond pas à nos besoins actuels.\n\nCabinet Moreau",
        R,
        "Cabinet Moreau",
        "Assistante juridique",
    ),
    Sample(
        "Hotel Miramar <rrhh@hotelmiramar.example>",
        "Solicitud para el puesto de Recepcionista",
        "Estimada Sam, agradecemos tu interés. Tras valorar las candidaturas, hemos "
        "seleccionado a una persona cuyo perfil se ajusta mejor al puesto.",
        R,
        "Hotel Miramar",
        "Recepcionista",
    ),
    Sample(
        "Pinecrest Analytics <talent@pinecrest.example>",
        "Quick question about your start date",
        "Hi Sam, congratulations again! Before we send the contract for the Data Engineer "
        "position, could you confirm your start date?",
        O,
    ),
    Sample(
        "Quantum Leap Ltd <careers@quantumleap.example>",
        "Assessment centre invitation",
        "Dear Sam, you are invited to our assessment centre for the Laboratory Assistant "
        "position on 14 March. Please confirm your attendance.",
        I,
    ),
    Sample(
        "Riverstone Payroll <payroll@riverstone.example>",
        "Expense claim rejected",
        "Your expense claim #4411 was rejected because the receipt is missing.",
        X,
    ),
    Sample(
        "Hotel Miramar <rrhh@hotelmiramar.example>",
        "Confirmación de tu solicitud",
        "Hola Sam, tu solicitud para Recepcionista se ha registrado correctamente.",
        C,
    ),
    Sample(
        "The Muse <hello@themuse.example>",
        "Rejected? Here's what to do next",
        "Getting a rejection email stings. Unfortunately, it happens to everyone. Read our "
        "guide to bouncing back.",
        X,
        headers={"List-Unsubscribe": "<mailto:out@themuse.example>"},
    ),
    Sample(
        "Sam Lee <sam@example.org>",
        "Withdrawing my application",
        "Dear Marta, I would like to withdraw my application for the Account Executive role, "
        "as I have accepted another offer.",
        X,
    ),
]


# A fourth round: before the rules saw it, they found none of its six rejections and read 2
# of its 12 emails right (the company and the role all right); then they were widened.
FOURTH_ROUND = [
    Sample(
        "Harbor Freightways <jobs@harborfreight.example>",
        "Dispatcher position",
        "Hello Sam,\n\nThank you for considering Harbor Freightways. We have now completed "
        "our interviews for the Dispatcher position and I'm sorry to tell you that you have "
        "not been chosen.\n\nRegards,\nHarbor Freightways HR",
        R,
        "Harbor Freightways",
        "Dispatcher",
    ),
    Sample(
        "Evergreen Health <no-reply@myworkday.com>",
        "Regarding your application",
        "<p>Dear Sam,</p><p>Thank you for applying for the Clinical Coordinator position. "
        "We have carefully reviewed your qualifications and decided to move ahead with "
        "applicants whose experience more closely aligns with the role.</p>",
        R,
        "Evergreen Health",
        "Clinical Coordinator",
        html=True,
    ),
    Sample(
        "Tomás Ortega <tomas@ortega-asociados.example>",
        "Re: Becario de Marketing",
        "Hola Sam, te escribo para comentarte que finalmente no vamos a poder contar contigo "
        "para el puesto de Becario de Marketing. Mucha suerte.\n\nTomás",
        R,
        "Ortega Asociados",
        "Becario de Marketing",
    ),
    Sample(
        "Weber Logistik GmbH <karriere@weber-logistik.example>",
        "Rückmeldung zu Ihrer Bewerbung",
        "Sehr geehrte Frau Lee,\n\nwir haben uns nach reiflicher Überlegung entschieden, die "
        "Position des Disponenten anderweitig zu vergeben.\n\nWeber Logistik GmbH",
        R,
        "Weber Logistik GmbH",
        "",
    ),
    Sample(
        "Librairie Papillon <contact@librairie-papillon.example>",
        "Votre candidature au poste de Libraire",
        "Bonjour Sam,\n\nMerci pour votre intérêt. Nous avons finalement choisi un candidat "
        "dont le profil correspond davantage au poste.\n\nLibrairie Papillon",
        R,
        "Librairie Papillon",
        "Libraire",
    ),
    Sample(
        "Brightside Studio <hello@brightside.example>",
        "Junior Animator",
        "Hi Sam, thanks for sending your reel. It's strong work, but we've hired for the "
        "Junior Animator role already. Keep in touch!",
        R,
        "Brightside Studio",
        "Junior Animator",
    ),
    Sample(
        "Evergreen Health <no-reply@myworkday.com>",
        "Action required: complete your assessment",
        "Dear Sam, as the next step for the Clinical Coordinator position, please complete "
        "the online assessment within five days.",
        I,
    ),
    Sample(
        "Harbor Freightways <jobs@harborfreight.example>",
        "Welcome aboard!",
        "Hi Sam, we're thrilled you accepted our offer for the Dispatcher position. Your "
        "first day is Monday.",
        O,
    ),
    Sample(
        "Brightside Studio <hello@brightside.example>",
        "Thanks for your application",
        "Hi Sam, thanks for applying for Junior Animator. We got your reel and will review "
        "it next week.",
        C,
    ),
    Sample(
        "Indeed <alert@indeed.example>",
        "Animator jobs near you",
        "New jobs matching your search: Junior Animator, Motion Designer.",
        X,
        headers={"List-Unsubscribe": "<mailto:stop@indeed.example>"},
    ),
    Sample(
        "Library Notices <notices@citylibrary.example>",
        "Hold request declined",
        "Unfortunately, your hold request could not be placed because the item is unavailable.",
        X,
    ),
    Sample(
        "Weber Logistik GmbH <karriere@weber-logistik.example>",
        "Ihre Bewerbung: nächste Schritte",
        "Sehr geehrte Frau Lee, wir möchten Sie gerne persönlich kennenlernen und laden Sie "
        "zu einem Gespräch am 12. März ein.",
        I,
    ),
]


# A fifth round, written after the fourth and kept apart as mail the rules had not seen: the
# phrase rules of then read it with precision 0.50 and recall 0.17 (1 of 6 rejections found,
# a flat rental's "application ... was not successful" taken for one). The rules were then
# rewritten to weigh meanings rather than phrases (email_kind.py), with this round in view,
# so it is now part of the corpus the rules know.
FIFTH_ROUND = [
    Sample(
        "Copperline Foods <people@copperline.example>",
        "Your Copperline application",
        "Hi Sam,\n\nThank you for your time and interest in the Quality Technician role. On "
        "this occasion your application has not progressed to the next stage.\n\n"
        "Copperline People Team",
        R,
        "Copperline Foods",
        "Quality Technician",
    ),
    Sample(
        "Ravi Shah <ravi.shah@lumen-robotics.example>",
        "Embedded Engineer - decision",
        "Sam, I appreciate the effort you put into the take-home task. The panel felt another "
        "candidate was a closer match, so we won't move forward.\n\nRavi",
        R,
        "Lumen Robotics",
        "Embedded Engineer",
    ),
    Sample(
        "Ostsee Reederei <personal@ostsee-reederei.example>",
        "Ihre Bewerbung als Kapitänin",
        "Sehr geehrte Frau Lee,\n\nvielen Dank für Ihre Bewerbung. Wir bedauern, Ihnen "
        "mitteilen zu müssen, dass wir Ihnen keine Stelle anbieten können.\n\n"
        "Ostsee Reederei",
        R,
        "Ostsee Reederei",
        "Kapitänin",
    ),
    Sample(
        "Maison Fleurie <emploi@maisonfleurie.example>",
        "Votre candidature pour Fleuriste",
        "Bonjour Sam, nous vous remercions pour votre candidature. Nous ne sommes "
        "malheureusement pas en mesure de vous proposer ce poste.",
        R,
        "Maison Fleurie",
        "Fleuriste",
    ),
    Sample(
        "Clínica Aurora <empleo@clinicaaurora.example>",
        "Tu candidatura para Enfermera",
        "Hola Sam, gracias por tu interés. Te informamos de que el proceso para el puesto de "
        "Enfermera ha concluido y no has resultado seleccionada.",
        R,
        "Clínica Aurora",
        "Enfermera",
    ),
    Sample(
        "Northstar Media <no-reply@greenhouse.io>",
        "Thank you from Northstar Media",
        "Hi Sam,\n\nThank you for interviewing for the Video Producer position. We have "
        "decided to close your application at this time.\n\nNorthstar Media",
        R,
        "Northstar Media",
        "Video Producer",
    ),
    Sample(
        "Copperline Foods <people@copperline.example>",
        "Interview confirmation - Quality Technician",
        "Hi Sam, your interview is confirmed for Thursday at 10:00 at our Leeds site.",
        I,
    ),
    Sample(
        "Ravi Shah <ravi.shah@lumen-robotics.example>",
        "Take-home task",
        "Hi Sam, as discussed, here is the take-home task for the Embedded Engineer role. "
        "Please return it within a week.",
        I,
    ),
    Sample(
        "Northstar Media <no-reply@greenhouse.io>",
        "We received your application",
        "Hi Sam, thank you for applying to the Video Producer position at Northstar Media.",
        C,
    ),
    Sample(
        "Clínica Aurora <empleo@clinicaaurora.example>",
        "Oferta: Enfermera",
        "Hola Sam, nos complace ofrecerte el puesto de Enfermera con incorporación en abril.",
        O,
    ),
    Sample(
        "Glassdoor <noreply@glassdoor.example>",
        "Companies are hiring: Quality Technician",
        "Unfortunately not every listing stays open long. See 20 new Quality Technician "
        "jobs today.",
        X,
        headers={"List-Unsubscribe": "<mailto:no@glassdoor.example>"},
    ),
    Sample(
        "Landlord Ltd <rent@landlord.example>",
        "Application for flat 3B",
        "Dear Sam, unfortunately your application for flat 3B was not successful, as the "
        "flat has been let.",
        X,
    ),
]


def _read(sample: Sample, applied_to: AppliedTo | None = None) -> ParsedEmail:
    return parse_rejection_email(sample.raw(), applied_to=applied_to or ())


def test_the_corpus_is_big_enough_and_balanced() -> None:
    assert len(REJECTIONS) >= 20
    assert len(LOOK_ALIKES) >= 20
    assert {sample.kind for sample in LOOK_ALIKES} == {I, O, C, X}


WRITTEN_WITH_THE_RULES = (
    REJECTIONS + LOOK_ALIKES + SECOND_ROUND + THIRD_ROUND + FOURTH_ROUND + FIFTH_ROUND
)
# email_corpus_dev.py was written by someone who had not seen the rules. Its first, honest
# measurement, by the rules that weigh meanings before they had seen it: 81 emails, 36
# rejections, precision 1.00, recall 0.67, kind right 0.78, company right 0.61, role right
# 0.61 (the phrase rules before them: precision 0.94, recall 0.47, kind right 0.65). The
# rules and the field readers were then tuned on it, so it is part of what the rules know.
DEVELOPMENT = email_corpus_dev.SAMPLES
# email_corpus_held_out.py was written by a third writer who saw neither the rules nor the
# other corpora, and kept sealed while the rules were rewritten. Its one sealed measurement:
# 90 emails, 41 rejections, precision 0.90, recall 0.93, kind right 0.84, company right
# 0.68, role right 0.54. The rules were then tuned on it too (the classes of its misses:
# applications for a flat, a loan or a course; a role on hold; subject words and public
# bodies' departments taken for the company), so it is no longer a measure of unseen mail:
# a fresh sealed corpus is.
FIRST_SEALED = email_corpus_held_out.SAMPLES
KNOWN = WRITTEN_WITH_THE_RULES + DEVELOPMENT + FIRST_SEALED

# Companies in the user's list besides those the corpus's mail comes from: names that are
# common words or that a look-alike may mention, so that matching them wrongly would show.
DISTRACTORS = (
    "Apple",
    "Orange",
    "Next",
    "Shell",
    "Target",
    "Indeed",
    "Post",
    "Continental",
    "Monday",
    "Notion",
    "Square",
    "Amazon",
    "Google",
    "Deutsche Bahn",
    "Société Générale",
    "Banco Santander",
    "Carrefour",
    "Zalando",
    "Harbor",
    "Summit",
)


def _pipeline(samples: list[Sample]) -> list[str]:
    """What the app would know: the companies the corpus's job mail comes from (as the user
    would have typed them), and the distractors."""
    return sorted({sample.company for sample in samples if sample.company} | set(DISTRACTORS))


# A few words only one of the corpus's languages uses often, to print figures per language.
_LANGUAGE_WORDS = {
    "en": frozenset({"the", "you", "your", "we", "and", "for", "thank", "to", "of", "with"}),
    "de": frozenset({"und", "sie", "wir", "ihre", "ihnen", "für", "die", "der", "leider", "zu"}),
    "fr": frozenset({"vous", "nous", "votre", "pour", "le", "les", "de", "bonjour", "merci"}),
    "es": frozenset({"tu", "su", "para", "el", "los", "hemos", "hola", "gracias", "que", "en"}),
}


def _language(sample: Sample) -> str:
    words = re.findall(r"\w+", f"{sample.subject} {sample.body}".lower())
    return max(
        _LANGUAGE_WORDS, key=lambda lang: sum(word in _LANGUAGE_WORDS[lang] for word in words)
    )


@dataclass(frozen=True)
class Figures:
    emails: int
    rejections: int
    precision: float
    recall: float
    kind_right: float
    company_right: float
    role_right: float

    def __str__(self) -> str:
        return (
            f"{self.emails} emails, {self.rejections} rejections: precision "
            f"{self.precision:.2f}, recall {self.recall:.2f}, kind right {self.kind_right:.2f}, "
            f"company right {self.company_right:.2f}, role right {self.role_right:.2f}"
        )


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _figures(found: list[tuple[Sample, ParsedEmail]]) -> Figures:
    true_positives = sum(1 for s, p in found if s.kind is R and p.kind is R)
    predicted = sum(1 for _, p in found if p.kind is R)
    read = [(s, p) for s, p in found if s.kind is R]
    return Figures(
        emails=len(found),
        rejections=len(read),
        precision=_share(true_positives, predicted),
        recall=_share(true_positives, len(read)),
        kind_right=_share(sum(1 for s, p in found if s.kind is p.kind), len(found)),
        company_right=_share(sum(1 for s, p in read if p.company == s.company), len(read)),
        role_right=_share(sum(1 for s, p in read if p.role == s.role), len(read)),
    )


def _measure(samples: list[Sample], label: str, applied_to: AppliedTo | None = None) -> Figures:
    """The figures for `samples`, in all and per language, printed with every field read
    wrong (run with -s)."""
    found = [(sample, _read(sample, applied_to)) for sample in samples]
    figures = _figures(found)
    print(f"\n{label}: {figures}")
    for language in _LANGUAGE_WORDS:
        in_language = [(s, p) for s, p in found if _language(s) == language]
        if in_language:
            print(f"  {language}: {_figures(in_language)}")
    for sample, parsed in found:
        wrong = [
            f"{name}: {got!r} (want {want!r})"
            for name, got, want in (
                ("kind", parsed.kind.value, sample.kind.value),
                ("company", parsed.company, sample.company),
                ("role", parsed.role, sample.role),
            )
            if want and got != want
        ]
        if wrong:
            print(f"  {sample.subject!r}: {'; '.join(wrong)}")
    return figures


CORPORA = [
    (WRITTEN_WITH_THE_RULES, "the corpus written with the rules"),
    (DEVELOPMENT, "the development corpus"),
    (FIRST_SEALED, "the first sealed corpus, since tuned on"),
    (KNOWN, "all the mail the rules know"),
]
CORPUS_IDS = ["written with the rules", "development", "first sealed", "all"]


@pytest.mark.parametrize(
    ("samples", "label"),
    [CORPORA[0], CORPORA[1], CORPORA[3]],
    ids=[CORPUS_IDS[0], CORPUS_IDS[1], CORPUS_IDS[3]],
)
def test_precision_recall_and_field_accuracy(samples: list[Sample], label: str) -> None:
    """Without a list of applications: what the rules find on their own. The first sealed
    corpus counts in "all"; on its own its roles are still far below the floors (0.54)."""
    figures = _measure(samples, label)
    assert figures.precision >= 0.95
    assert figures.recall >= 0.9
    assert figures.company_right >= 0.9
    assert figures.role_right >= 0.85


@pytest.mark.parametrize(("samples", "label"), CORPORA, ids=CORPUS_IDS)
def test_figures_with_the_applications_the_app_knows(samples: list[Sample], label: str) -> None:
    """With the companies the corpus's mail comes from, and distractors, as the user's
    applications. This measures matching a name the app already holds, not finding one:
    the corpus's own answers are in the list, so the company figure is bound to be high
    unless the matching is wrong (a distractor taken, a name missed)."""
    alone = _measure(samples, label)
    figures = _measure(
        samples, f"{label}, with its companies applied to", AppliedTo(_pipeline(samples))
    )
    assert figures.precision >= max(0.95, alone.precision)
    assert figures.recall >= max(0.9, alone.recall)
    assert figures.company_right >= max(0.95, alone.company_right)
    assert figures.role_right >= alone.role_right
    # The user seldom types a name as the email spells it: lower case, no accents, the
    # legal form left out or added. The name as they typed it must still come back.
    retyped = [
        dataclasses.replace(sample, company=_typed_otherwise(sample.company))
        if sample.company
        else sample
        for sample in samples
    ]
    otherwise = _measure(
        retyped, f"{label}, the companies typed otherwise", AppliedTo(_pipeline(retyped))
    )
    assert otherwise.company_right >= 0.9
    assert (otherwise.precision, otherwise.recall) == (figures.precision, figures.recall)


# email_corpus_sealed.py was written by a fourth writer, who read neither the rules nor the
# other corpora: 102 emails, and the job tracker of the person who received them (PIPELINE:
# the companies of 35 of its 44 rejections, most look-alikes' companies, and 20 companies no
# mail names). It stayed sealed until the rules above were final and was measured once.
# Without the list: precision 0.96, recall 0.98, kind right 0.94, company right 0.75, role
# right 0.77. With it: company right 0.95, the rest the same. (The rules before this wave
# read it with precision 0.88, recall 0.95, company right 0.52, role right 0.66.) It is not
# tuned on: it stays the honest figure for mail nobody wrote the rules for, and the floors
# sit just under its first measurement, so a change that loses ground on unseen mail fails.
SEALED = email_corpus_sealed.SAMPLES


def test_mail_nobody_wrote_the_rules_for_holds_its_first_figures() -> None:
    alone = _measure(SEALED, "the sealed corpus")
    assert alone.precision >= 0.95
    assert alone.recall >= 0.95
    assert alone.company_right >= 0.72
    assert alone.role_right >= 0.75
    known = _measure(
        SEALED,
        "the sealed corpus, with its reader's applications",
        AppliedTo(email_corpus_sealed.PIPELINE),
    )
    assert known.precision >= 0.95
    assert known.recall >= 0.95
    assert known.company_right >= 0.93


_SOME_LEGAL_FORMS = frozenset({"gmbh", "ag", "kg", "sa", "inc", "ltd", "llc", "sl", "sas", "plc"})


def _typed_otherwise(company: str) -> str:
    """`company` as a user might type it: lower case, without accents, its legal form left
    out, or one added where it has none ("müller & söhne kg" is "muller & sohne")."""
    plain = "".join(
        char for char in unicodedata.normalize("NFKD", company) if not unicodedata.combining(char)
    )
    words = plain.lower().split()
    if words[-1].strip(".,") in _SOME_LEGAL_FORMS:
        words.pop()
    else:
        words.append("gmbh")
    return " ".join(words)


@pytest.mark.parametrize(
    "sample",
    KNOWN + SEALED,
    ids=lambda s: s.subject[:40],
)
def test_every_decision_says_why(sample: Sample) -> None:
    parsed = _read(sample)
    assert parsed.reasons
    assert all(reason and "\n" not in reason for reason in parsed.reasons)


def test_the_reasons_name_the_phrase_and_the_sender() -> None:
    parsed = _read(REJECTIONS[0])
    assert parsed.kind is R
    assert "'decided to move forward with other candidates' in the body" in parsed.reasons
    assert "the sender is an applicant-tracking system (greenhouse)" in parsed.reasons
    assert "the company from the subject" in parsed.reasons


def test_a_phrase_wrapped_across_lines_still_counts() -> None:
    wrapped = Sample(
        "Acme Recruiting <no-reply@greenhouse.io>",
        "Your application",
        "Hi Sam, after a careful review we have decided to move forward with other\n"
        "candidates for the Data Analyst role.",
        R,
    )
    assert _read(wrapped).kind is R

"""Holdout resumes 01-10, written by hand with their truth (labelled per TRUTH_FORMAT.md)."""

from __future__ import annotations

from render import Resume

Job = tuple[str, str, str, str]
Edu = tuple[str, str, int | None]


def truth(
    *,
    name: str,
    email: str | None,
    phone: str | None,
    loc: tuple[str, str] | None,
    summary: str | None,
    skills: list[str],
    jobs: list[Job],
    edu: list[Edu],
    lic: list[str],
    types: list[str],
    hours: tuple[int | None, int | None] = (None, None),
    medical: int | None = None,
    certs: list[str],
) -> dict[str, object]:
    """The truth JSON object (without _meta) from compact arguments."""
    return {
        "schema_version": "1.0",
        "name": name,
        "email": email,
        "phone": phone,
        "location": {"city": loc[0], "country": loc[1]} if loc else None,
        "summary": summary,
        "skills": skills,
        "experience": [
            dict(zip(("employer", "title", "start", "end"), j, strict=True)) for j in jobs
        ],
        "education": [dict(zip(("institution", "degree", "year"), e, strict=True)) for e in edu],
        "licences": lic,
        "type_ratings": types,
        "total_hours": hours[0],
        "pic_hours": hours[1],
        "medical_class": medical,
        "certifications": certs,
    }


S01 = (
    "EASA-licensed first officer with over five thousand hours on the Airbus A320 family in "
    "short- and medium-haul operations, seeking a command upgrade."
)
S02 = (
    "Wide-body captain and type rating instructor with long-haul experience across the Middle "
    "East, Asia and Europe."
)
S03 = (
    "B1 certifying engineer with line and base maintenance experience on narrow- and wide-body "
    "aircraft, working to Part-145 procedures."
)
S04 = (
    "Warm and safety-focused flight attendant with premium-cabin experience on long-haul routes "
    "and a calm approach to onboard emergencies."
)
S05 = (
    "Tower and approach radar controller with eight years of operational experience and current "
    "OJTI privileges."
)
S06 = (
    "Flight operations officer looking for a dispatch role in a growing European carrier, "
    "bringing strong flight planning and crew legality experience."
)
S07 = (
    "FAA certified aircraft dispatcher with ten years in domestic and international operational "
    "control for a major US carrier."
)
S08 = "Offshore helicopter commander with North Sea experience in IMC, night and hoist operations."
S09 = "Line training captain on the Boeing 737 with a background in military transport flying."
S10 = (
    "Airport operations manager who has led ground handling and terminal teams at two busy West "
    "African airports."
)

RESUMES_A = [
    Resume(
        stem="h01_first_officer_jose_maria_garcia_fernandez",
        fmt="pdf",
        layout="classic",
        font="dejavuserif",
        header=[
            "JOSÉ MARÍA GARCÍA FERNÁNDEZ",
            "jm.garcia.fernandez@correo.example.es",
            "Tel. +34 612 345 678",
            "Madrid, Spain",
        ],
        sections=[
            ("PROFESSIONAL SUMMARY", [S01]),
            (
                "LICENCES & RATINGS",
                [
                    "- EASA ATPL(A) issued by AESA",
                    "- Type rating: Airbus A320 (CFM56-5B)",
                    "- EASA Class 1 Medical, valid 03/2026",
                ],
            ),
            (
                "FLIGHT EXPERIENCE",
                ["Total flight time: 5.400 h", "PIC: 1.250 h", "A320: 4.800 h", "Night: 900 h"],
            ),
            (
                "PROFESSIONAL EXPERIENCE",
                [
                    "Senior First Officer — Meseta Airlines, Madrid\tOct. 2019 – Present",
                    "- Operated scheduled services on the A320 and A321 across Europe.",
                    "- Acted as line training first officer for new joiners.",
                    "First Officer — Ibérica Regional, Valencia\tMar. 2017 to Sep. 2019",
                    "- Flew short-haul sectors on the A319 and A320 with high utilisation.",
                ],
            ),
            (
                "EDUCATION & TRAINING",
                [
                    "Integrated ATPL(A) course — Aerotec Flight Academy, Salamanca",
                    "2014 – 2016",
                    "BSc Aeronautical Engineering — Universidad Politécnica de Levante",
                    "2009 – 2013",
                ],
            ),
            (
                "CORE COMPETENCIES",
                [
                    "Threat and error management, Crew resource management, "
                    "Flight planning, Performance calculations, Fuel management"
                ],
            ),
            (
                "CERTIFICATES",
                ["- MCC/JOC", "- UPRT", "- CRM (recurrent 2024)", "- Dangerous Goods"],
            ),
            ("LANGUAGES", ["Spanish (native), English (ICAO Level 5), French (B1)"]),
        ],
        truth=truth(
            name="José María García Fernández",
            email="jm.garcia.fernandez@correo.example.es",
            phone="+34612345678",
            loc=("Madrid", "ES"),
            summary=S01,
            skills=[
                "Threat and error management",
                "Crew resource management",
                "Flight planning",
                "Performance calculations",
                "Fuel management",
            ],
            jobs=[
                ("Meseta Airlines", "Senior First Officer", "2019-10", "present"),
                ("Ibérica Regional", "First Officer", "2017-03", "2019-09"),
            ],
            edu=[
                ("Aerotec Flight Academy", "Integrated ATPL(A) course", 2016),
                ("Universidad Politécnica de Levante", "BSc Aeronautical Engineering", 2013),
            ],
            lic=["ATPL(A)"],
            types=["A320"],
            hours=(5400, 1250),
            medical=1,
            certs=["MCC", "JOC", "UPRT", "CRM", "DG", "ICAO-EN-5"],
        ),
    ),
    Resume(
        stem="h02_captain_khalid_bin_saeed_al_mansoori",
        fmt="docx",
        layout="headings",
        header=[
            "Khalid bin Saeed Al Mansoori",
            "Captain B777",
            "k.almansoori@flymail.example.ae",
            "Mobile: +971 50 412 7788",
            "Based in Abu Dhabi, UAE",
        ],
        sections=[
            ("About Me", [S02]),
            (
                "Licences",
                [
                    "- GCAA Airline Transport Pilot Licence (Aeroplanes)",
                    "- Type ratings: B777-300ER, B787-9",
                    "- Class One medical certificate",
                ],
            ),
            ("Flying Hours", ["Total: 14200h | PIC: 7,900 h | PICUS: 600 h"]),
            (
                "Career",
                [
                    "**GULF CREST AIRWAYS**",
                    "Captain B777 | Since March 2016",
                    "- Commanded long-haul flights to Europe, Asia and Australia.",
                    "- Delivered type rating training in the full flight simulator.",
                    "**DESERT WINGS**",
                    "First Officer B787 | Jan 2011 – Feb 2016",
                    "- Operated ultra-long-haul sectors with augmented crews.",
                    "**SKYLINE FLIGHT SCHOOL, Al Ain**",
                    "Flight Instructor | 2007 – 2010",
                    "- Taught ab-initio students on the Cessna 172 and DA42.",
                ],
            ),
            (
                "Education",
                ["**Falcon Aviation Academy**", "Integrated ATPL training | 2005 – 2007"],
            ),
            ("Skills", ["- Leadership", "- Long-haul operations", "- ETOPS", "- Crew training"]),
            ("Training", ["- TRI (B777)", "- UPRT", "- CRM", "- Dangerous Goods Regulations"]),
            ("Languages", ["Arabic (native), English – ICAO level 6"]),
        ],
        truth=truth(
            name="Khalid bin Saeed Al Mansoori",
            email="k.almansoori@flymail.example.ae",
            phone="+971504127788",
            loc=("Abu Dhabi", "AE"),
            summary=S02,
            skills=["Leadership", "Long-haul operations", "ETOPS", "Crew training"],
            jobs=[
                ("Gulf Crest Airways", "Captain B777", "2016-03", "present"),
                ("Desert Wings", "First Officer B787", "2011-01", "2016-02"),
                ("Skyline Flight School", "Flight Instructor", "2007", "2010"),
            ],
            edu=[("Falcon Aviation Academy", "Integrated ATPL training", 2007)],
            lic=["ATPL(A)"],
            types=["B777", "B787"],
            hours=(14200, 7900),
            medical=1,
            certs=["TRI", "UPRT", "CRM", "DG", "ICAO-EN-6"],
        ),
    ),
    Resume(
        stem="h03_b1_engineer_pieter_van_der_berg",
        fmt="txt",
        layout="caps",
        encoding="cp1252",
        header=[
            "Pieter van der Berg",
            "B1 Licensed Aircraft Engineer",
            "pieter.vanderberg@mail.example.nl",
            "+31 (0)6 1234 5678",
            "Haarlem, the Netherlands",
        ],
        sections=[
            ("Profile", [S03]),
            (
                "Employment",
                [
                    "07.2018 – present   B1 Certifying Engineer at Polder Aero Technics, Amsterdam",
                    "- Certified A-checks and defect rectification on A320 and E190 aircraft.",
                    "- Supervised mechanics during night-stop maintenance.",
                    "03.2015 - 06.2018   Aircraft Mechanic at Rijnmond Aviation Services, Rotterdam",
                    "- Performed scheduled maintenance on ATR 72 turboprops.",
                ],
            ),
            (
                "Qualifications",
                [
                    "2011 – 2014   MBO Aircraft Maintenance Technician, Schiphol Aviation College",
                    "2015   EASA Part-147 B1.1 Basic Training, Dutch Aero Training Centre",
                ],
            ),
            (
                "Licences & Approvals",
                [
                    "- EASA Part-66 AML B1.1 / B2",
                    "- Type ratings: A330 (Trent 700), B737-800 (CFM56-7B)",
                ],
            ),
            (
                "Technical Skills",
                ["- Line maintenance", "- Troubleshooting", "- AMOS", "- Composite repair"],
            ),
            (
                "Courses",
                [
                    "- Human Factors (initial and recurrent)",
                    "- Fuel Tank Safety Phase 1+2",
                    "- EWIS",
                    "- Borescope inspection",
                ],
            ),
            ("Languages", ["Dutch (native), English (fluent), German (good)"]),
        ],
        truth=truth(
            name="Pieter van der Berg",
            email="pieter.vanderberg@mail.example.nl",
            phone="+31612345678",
            loc=("Haarlem", "NL"),
            summary=S03,
            skills=["Line maintenance", "Troubleshooting", "AMOS", "Composite repair"],
            jobs=[
                ("Polder Aero Technics", "B1 Certifying Engineer", "2018-07", "present"),
                ("Rijnmond Aviation Services", "Aircraft Mechanic", "2015-03", "2018-06"),
            ],
            edu=[
                ("Schiphol Aviation College", "MBO Aircraft Maintenance Technician", 2014),
                ("Dutch Aero Training Centre", "EASA Part-147 B1.1 Basic Training", 2015),
            ],
            lic=["PART66-B1", "PART66-B2"],
            types=["A330", "B737"],
            certs=["HF", "FTS", "EWIS"],
        ),
    ),
    Resume(
        stem="h04_cabin_crew_nguyen_thi_thu_ha",
        fmt="pdf",
        layout="sidebar",
        font="dejavu",
        header=[
            "Nguyễn Thị Thu Hà",
            "thuha.nguyen@inbox.example.vn",
            "+84 90 123 45 67",
            "Hồ Chí Minh City, Vietnam",
        ],
        side={"Skills", "Languages", "Certificates"},
        sections=[
            ("Profile", [S04]),
            (
                "Work Experience",
                [
                    "Senior Flight Attendant, Lotus Star Airlines",
                    "2019 – now",
                    "- Led the business class cabin on A350 and B787 services.",
                    "- Handled medical incidents and disruptive passengers.",
                    "Flight Attendant, Mekong Regional Air",
                    "2016 – 2019",
                    "- Delivered service on A321 domestic routes.",
                ],
            ),
            (
                "Education",
                ["Bachelor of Tourism — Saigon University of Hospitality", "2012 – 2016"],
            ),
            (
                "Licences",
                [
                    "- Cabin Crew Attestation (CCA)",
                    "- Type qualified: A350-900, B787-9",
                    "- Cabin crew medical report (valid 2026)",
                ],
            ),
            ("Skills", ["- Premium service", "- Safety procedures", "- First aid", "- Teamwork"]),
            ("Languages", ["Vietnamese (native)", "English (fluent)", "Japanese (N3)"]),
            ("Certificates", ["- First Aid", "- Dangerous Goods", "- AVSEC"]),
        ],
        truth=truth(
            name="Nguyễn Thị Thu Hà",
            email="thuha.nguyen@inbox.example.vn",
            phone="+84901234567",
            loc=("Hồ Chí Minh City", "VN"),
            summary=S04,
            skills=["Premium service", "Safety procedures", "First aid", "Teamwork"],
            jobs=[
                ("Lotus Star Airlines", "Senior Flight Attendant", "2019", "present"),
                ("Mekong Regional Air", "Flight Attendant", "2016", "2019"),
            ],
            edu=[("Saigon University of Hospitality", "Bachelor of Tourism", 2016)],
            lic=["CCA"],
            types=["A350", "B787"],
            medical=None,
            certs=["FIRST-AID", "DG", "AVSEC"],
        ),
    ),
    Resume(
        stem="h05_atco_siobhan_oconnor",
        fmt="docx",
        layout="sectiontable",
        header=[
            "SIOBHÁN O'CONNOR",
            "siobhan.oconnor@post.example.ie  |  087 123 4567  |  Shannon, Ireland",
        ],
        sections=[
            ("Professional Summary", [S05]),
            (
                "Career History",
                [
                    "2018-07 to date — Tower and Approach Controller, Atlantic Air Navigation, Shannon",
                    "2015-03 to 2018-06 — Aerodrome Controller, Western Regional Airport Authority",
                ],
            ),
            (
                "Education & Training",
                [
                    "BSc Physics, University College Corrib, 2010 – 2014",
                    "ATC ab-initio training, Atlantic ATC Academy, 2015",
                ],
            ),
            (
                "Licences & Ratings",
                [
                    "- Air Traffic Controller Licence (EASA Part-ATCO)",
                    "- Ratings: ADI (TWR), APS (RAD)",
                    "- OJTI endorsement",
                    "- Class 3 medical",
                ],
            ),
            ("Key Skills", ["Radar vectoring, Sequencing, Emergency handling, Coordination"]),
            ("Languages", ["English – ICAO Level 6 (expert), Irish (fluent)"]),
        ],
        truth=truth(
            name="Siobhán O'Connor",
            email="siobhan.oconnor@post.example.ie",
            phone="+353871234567",
            loc=("Shannon", "IE"),
            summary=S05,
            skills=["Radar vectoring", "Sequencing", "Emergency handling", "Coordination"],
            jobs=[
                ("Atlantic Air Navigation", "Tower and Approach Controller", "2018-07", "present"),
                (
                    "Western Regional Airport Authority",
                    "Aerodrome Controller",
                    "2015-03",
                    "2018-06",
                ),
            ],
            edu=[
                ("University College Corrib", "BSc Physics", 2014),
                ("Atlantic ATC Academy", "ATC ab-initio training", 2015),
            ],
            lic=["ATCO"],
            types=[],
            medical=3,
            certs=["ATC-ADI", "ATC-APS", "OJTI", "ICAO-EN-6"],
        ),
    ),
    Resume(
        stem="h06_flight_ops_officer_jean_baptiste_lefevre",
        fmt="txt",
        layout="markdown",
        header=[
            "Jean-Baptiste Lefèvre",
            "jb.lefevre@courriel.example.fr | 06 12 34 56 78",
            "14 rue des Aviateurs, 31000 Toulouse, France",
        ],
        sections=[
            ("Career Objective", [S06]),
            (
                "Professional Experience",
                [
                    "### **Flight Operations Officer**, Occitanie Air",
                    "*juillet 2019 – aujourd'hui*",
                    "- Dispatched the A320 family and ATR 72-600 fleet on domestic routes.",
                    "- Checked crew legality, MEL items and NOTAMs before release.",
                    "### **Crew Controller**, Garonne Regional",
                    "*septembre 2015 – juin 2019*",
                    "- Managed daily crew rosters and standby callouts.",
                ],
            ),
            (
                "Education",
                [
                    "**Licence professionnelle Transport Aérien** — Université de Garonne",
                    "*2014 – 2015*",
                ],
            ),
            (
                "Licences",
                ["- Flight Operations Officer licence (ICAO Annex 1)"],
            ),
            ("Skills", ["Flight planning, Lido/Flight, NOTAM analysis, Weight and balance"]),
            (
                "Training",
                [
                    "- CRM",
                    "- Dangerous Goods Regulations (DGR)",
                    "- Safety Management System (SMS) course",
                ],
            ),
            ("Languages", ["French (native), English (C1), Spanish (B2)"]),
        ],
        truth=truth(
            name="Jean-Baptiste Lefèvre",
            email="jb.lefevre@courriel.example.fr",
            phone="+33612345678",
            loc=("Toulouse", "FR"),
            summary=S06,
            skills=["Flight planning", "Lido/Flight", "NOTAM analysis", "Weight and balance"],
            jobs=[
                ("Occitanie Air", "Flight Operations Officer", "2019-07", "present"),
                ("Garonne Regional", "Crew Controller", "2015-09", "2019-06"),
            ],
            edu=[("Université de Garonne", "Licence professionnelle Transport Aérien", 2015)],
            lic=["DISPATCHER"],
            types=[],
            certs=["CRM", "DG", "SMS"],
        ),
    ),
    Resume(
        stem="h07_dispatcher_emily_carter",
        fmt="pdf",
        layout="classic",
        font="liberationserif",
        header=[
            "Emily R. Carter",
            "emily.carter@mailbox.example.com",
            "(404) 555-0123",
            "Atlanta, GA",
        ],
        sections=[
            ("Professional Summary", [S07]),
            (
                "Experience",
                [
                    "Jan 2019 - Present\tLead Aircraft Dispatcher, Peachtree Airlines",
                    "- Dispatched B737 and A321 flights across the US and Caribbean.",
                    "- Coordinated with ATC System Command Center during ground delay programs.",
                    "06/2015 - 12/2018\tAircraft Dispatcher, Southern Sky Express",
                    "- Planned regional jet operations for a fleet of 60 CRJ aircraft.",
                ],
            ),
            ("Education", ["B.S. Aviation Management, Southern Plains University, Class of 2015"]),
            (
                "Certifications",
                [
                    "- FAA Aircraft Dispatcher Certificate",
                    "- Dangerous Goods (Hazmat) awareness",
                    "- Crew Resource Management",
                ],
            ),
            (
                "Skills",
                ["Flight planning | Weather analysis | MEL/CDL | ETOPS | Ground delay programs"],
            ),
        ],
        truth=truth(
            name="Emily R. Carter",
            email="emily.carter@mailbox.example.com",
            phone="+14045550123",
            loc=("Atlanta", "US"),
            summary=S07,
            skills=[
                "Flight planning",
                "Weather analysis",
                "MEL/CDL",
                "ETOPS",
                "Ground delay programs",
            ],
            jobs=[
                ("Peachtree Airlines", "Lead Aircraft Dispatcher", "2019-01", "present"),
                ("Southern Sky Express", "Aircraft Dispatcher", "2015-06", "2018-12"),
            ],
            edu=[("Southern Plains University", "B.S. Aviation Management", 2015)],
            lic=["DISPATCHER"],
            types=[],
            certs=["DG", "CRM"],
        ),
    ),
    Resume(
        stem="h08_helicopter_pilot_anna_lena_muller",
        fmt="docx",
        layout="headerfooter",
        header=[
            "Anna-Lena Müller",
            "annalena.mueller@heli.example.de  |  0049 151 23456789",
            "Bremen, Deutschland",
        ],
        sections=[
            ("Profile", [S08]),
            (
                "Licences & Ratings",
                [
                    "- CPL(H) – EASA",
                    "- Type ratings: H145, AW139 (PT6C-67C)",
                    "- IR(H)",
                    "- Medical: Class I",
                ],
            ),
            (
                "Flight Hours",
                ["Total flight time: 3,250 hrs (1,900 P1)", "Night: 320 hrs | NVG: 150 hrs"],
            ),
            (
                "Employment History",
                [
                    "**NORDSEE OFFSHORE HELICOPTERS**",
                    "|Commander AW139|Mai 2021 – heute",
                    "- Flew crew-change flights to offshore installations.",
                    "**WESER AIR RESCUE**",
                    "|HEMS Pilot|Januar 2018 – April 2021",
                    "- Flew HEMS missions on the H145 by day and night with NVG.",
                ],
            ),
            (
                "Education",
                ["**Nordsee Helicopter Academy**", "Integrated CPL(H)/IR course | 2014 – 2016"],
            ),
            ("Skills", ["- Offshore operations", "- Hoist operations", "- Night flying"]),
            ("Certificates", ["- HUET", "- NVG qualification", "- CRM"]),
            ("Languages", ["German (native), English – ICAO Level 5"]),
        ],
        truth=truth(
            name="Anna-Lena Müller",
            email="annalena.mueller@heli.example.de",
            phone="+4915123456789",
            loc=("Bremen", "DE"),
            summary=S08,
            skills=["Offshore operations", "Hoist operations", "Night flying"],
            jobs=[
                ("Nordsee Offshore Helicopters", "Commander AW139", "2021-05", "present"),
                ("Weser Air Rescue", "HEMS Pilot", "2018-01", "2021-04"),
            ],
            edu=[("Nordsee Helicopter Academy", "Integrated CPL(H)/IR course", 2016)],
            lic=["CPL(H)"],
            types=["H145", "AW139"],
            hours=(3250, 1900),
            medical=1,
            certs=["IR", "HUET", "NVG", "CRM", "ICAO-EN-5"],
        ),
    ),
    Resume(
        stem="h09_captain_marco_de_luca",
        fmt="txt",
        layout="keyvalue",
        encoding="utf-16",
        header=[
            "Name: Marco De Luca",
            "Email: marco.deluca@volo.example.it",
            "Phone: +39 347 123 4567",
            "Location: Roma, Italia",
        ],
        sections=[
            ("Summary", [S09]),
            (
                "Licences",
                [
                    "- ATPL(A) – ENAC",
                    "- Type rating: Boeing 737 MAX 8",
                    "- Class 1 medical",
                ],
            ),
            ("Flight Time", ["Total time 9 850 h; PIC 4 200 h; SIC 5 650 h"]),
            (
                "Experience",
                [
                    "Position: Captain B737 (Line Training Captain)",
                    "Employer: Tirreno Airways",
                    "Period: since 03/2021",
                    "- Conducted line training for new captains.",
                    "",
                    "Position: First Officer B737",
                    "Employer: Adriatica Air",
                    "Period: 2014 – 2021",
                    "- Operated scheduled services from Rome and Milan.",
                ],
            ),
            (
                "Education",
                [
                    "Institution: Scuola di Volo Lazio",
                    "Qualification: Integrated ATPL(A) course",
                    "Dates: 2010 – 2012",
                ],
            ),
            ("Courses", ["- TRI", "- CRM", "- UPRT"]),
            ("Skills", ["Line training, Crew leadership, Performance-based navigation"]),
            ("Languages", ["Italian (native), English – ICAO 5"]),
        ],
        truth=truth(
            name="Marco De Luca",
            email="marco.deluca@volo.example.it",
            phone="+393471234567",
            loc=("Roma", "IT"),
            summary=S09,
            skills=["Line training", "Crew leadership", "Performance-based navigation"],
            jobs=[
                ("Tirreno Airways", "Captain B737 (Line Training Captain)", "2021-03", "present"),
                ("Adriatica Air", "First Officer B737", "2014", "2021"),
            ],
            edu=[("Scuola di Volo Lazio", "Integrated ATPL(A) course", 2012)],
            lic=["ATPL(A)"],
            types=["B737"],
            hours=(9850, 4200),
            medical=1,
            certs=["TRI", "CRM", "UPRT", "ICAO-EN-5"],
        ),
    ),
    Resume(
        stem="h10_airport_ops_chidi_okonkwo_adeyemi",
        fmt="pdf",
        layout="banner",
        font="liberation",
        header=[
            "Chidi Okonkwo-Adeyemi",
            "chidi.okonkwo@mail.example.ng",
            "+234 803 123 4567",
            "Lagos, Nigeria",
        ],
        sections=[
            ("Career Profile", [S10]),
            (
                "Work Experience",
                [
                    "Airport Operations Manager – Harmattan International Airport",
                    "Feb 2020 – Current",
                    "- Led a team of 120 ground handling and terminal staff.",
                    "Ground Handling Supervisor – Gold Coast Handling Services, Accra",
                    "Aug 2014 – Jan 2020",
                    "- Supervised turnarounds for A330 and B777 operators.",
                ],
            ),
            ("Education", ["MBA, Lagos Business School of Management, 2012 – 2014"]),
            ("Key Skills", ["Ground handling • Terminal operations • Budgeting • Team leadership"]),
            (
                "Certifications",
                [
                    "- IATA Dangerous Goods Regulations",
                    "- AVSEC",
                    "- ISO 9001 Lead Auditor",
                    "- Lean Six Sigma Green Belt",
                    "- PMP",
                ],
            ),
            ("Languages", ["English (native), Yoruba (native), French (basic)"]),
        ],
        truth=truth(
            name="Chidi Okonkwo-Adeyemi",
            email="chidi.okonkwo@mail.example.ng",
            phone="+2348031234567",
            loc=("Lagos", "NG"),
            summary=S10,
            skills=["Ground handling", "Terminal operations", "Budgeting", "Team leadership"],
            jobs=[
                (
                    "Harmattan International Airport",
                    "Airport Operations Manager",
                    "2020-02",
                    "present",
                ),
                (
                    "Gold Coast Handling Services",
                    "Ground Handling Supervisor",
                    "2014-08",
                    "2020-01",
                ),
            ],
            edu=[("Lagos Business School of Management", "MBA", 2014)],
            lic=[],
            types=[],
            certs=["DG", "AVSEC", "ISO9001-LA", "LSS-GB", "PMP"],
        ),
    ),
]

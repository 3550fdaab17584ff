"""Holdout resumes 21-26: harder layouts and wordings, written by hand with their truth."""

from __future__ import annotations

from render import Resume
from resumes_a import truth

S21 = (
    "Quality auditor with aerospace manufacturing and airline experience, certified lead "
    "auditor against AS9100 and ISO 9001."
)
S22 = "Dependable flight dispatcher with a focus on safety, efficiency and clear communication."
S23 = (
    "Motivated cadet pilot with a frozen ATPL looking for a first officer role on a jet or "
    "turboprop."
)
S24 = (
    "Experienced approach and tower controller, currently working at one of the busiest airports "
    "in Germany."
)
S25 = "Maintenance planner with strong SAP and AMOS experience in line and base maintenance."
S26 = (
    "Utility and EMS helicopter pilot with more than five thousand hours in mountain, firefighting "
    "and external load operations."
)

RESUMES_C = [
    Resume(
        stem="h21_quality_auditor_elodie_marchand_dubois",
        fmt="pdf",
        layout="classic",
        font="liberation",
        caps_headings=True,
        header=[
            "ÉLODIE MARCHAND-DUBOIS",
            "Quality Auditor",
            "elodie.marchand@qualite.example.fr",
            "+33 (0)6 45 67 89 01",
            "Nice, France",
        ],
        sections=[
            ("Professional Profile", [S21]),
            (
                "Work History",
                [
                    "RIVIERA AEROSTRUCTURES",
                    "Senior Quality Auditor | Since March 2021",
                    "- Led supplier audits against AS9100D.",
                    "AZUR REGIONAL AIRLINES",
                    "Compliance Auditor | 2015-03 to 2021-02",
                    "- Audited Part-145 and Part-CAMO organisations.",
                ],
            ),
            (
                "Education",
                ["Master Qualité Aéronautique — Université Côte Provence", "Graduated 2014"],
            ),
            (
                "Certificates & Training",
                [
                    "- AS9100 Lead Auditor",
                    "- ISO 9001:2015 Lead Auditor",
                    "- Human Factors",
                    "- SMS",
                ],
            ),
            ("Competencies", ["- Supplier audits", "- Root cause analysis", "- 8D", "- Part-145"]),
            ("Languages", ["French (native), English (C1), Italian (B2)"]),
        ],
        truth=truth(
            name="Élodie Marchand-Dubois",
            email="elodie.marchand@qualite.example.fr",
            phone="+33645678901",
            loc=("Nice", "FR"),
            summary=S21,
            skills=["Supplier audits", "Root cause analysis", "8D", "Part-145"],
            jobs=[
                ("Riviera Aerostructures", "Senior Quality Auditor", "2021-03", "present"),
                ("Azur Regional Airlines", "Compliance Auditor", "2015-03", "2021-02"),
            ],
            edu=[("Université Côte Provence", "Master Qualité Aéronautique", 2014)],
            lic=[],
            types=[],
            certs=["AS9100-LA", "ISO9001-LA", "HF", "SMS"],
        ),
    ),
    Resume(
        stem="h22_dispatcher_marcus_johnson",
        fmt="txt",
        layout="plain",
        encoding="cp1252",
        header=[
            "Marcus T. Johnson",
            "Phone: 404-555-0199  ·  Email: marcus.johnson@dispatch.example.com",
            "Atlanta, Georgia, United States",
        ],
        sections=[
            ("Objective", [S22]),
            (
                "Professional Experience",
                [
                    "Flight Dispatcher | Magnolia Air Lines | since 2020",
                    "- Released flights for the Embraer E175 and A220 fleets.",
                    "Operations Agent | Dixie Regional | 2016 - 2020",
                ],
            ),
            (
                "Education",
                ["A.A.S. Aviation Operations, Peach State Technical College, Graduated 2014"],
            ),
            ("Licenses", ["- FAA Aircraft Dispatcher Certificate"]),
            ("Skills", ["Flight release, Weather, Fuel planning, Sabre"]),
        ],
        truth=truth(
            name="Marcus T. Johnson",
            email="marcus.johnson@dispatch.example.com",
            phone="+14045550199",
            loc=("Atlanta", "US"),
            summary=S22,
            skills=["Flight release", "Weather", "Fuel planning", "Sabre"],
            jobs=[
                ("Magnolia Air Lines", "Flight Dispatcher", "2020", "present"),
                ("Dixie Regional", "Operations Agent", "2016", "2020"),
            ],
            edu=[("Peach State Technical College", "A.A.S. Aviation Operations", 2014)],
            lic=["DISPATCHER"],
            types=[],
            certs=[],
        ),
    ),
    Resume(
        stem="h23_cadet_pilot_aoife_ni_bhriain",
        fmt="docx",
        layout="headings",
        header=[
            "AOIFE NÍ BHRIAIN",
            "E-mail: aoife.nibhriain@cadet.example.ie",
            "Phone: 0044 7700 900321",
            "Address: 22 Harbour Road, Cork, Ireland",
        ],
        sections=[
            ("Career Summary", [S23]),
            (
                "Licences and Ratings",
                [
                    "- ATPL (frozen) – CPL(A) with ME/IR",
                    "- EASA Class 1 Medical",
                ],
            ),
            ("Flight Hours", ["Total time: 250 hrs (PIC 120 hrs)"]),
            (
                "Employment",
                [
                    "Customer Service Agent — Shamrock Ground Handling, Cork Airport",
                    "2016 – now",
                ],
            ),
            (
                "Education",
                [
                    "Integrated ATPL course, Celtic Flight Academy, 2014 – 2016",
                    "Leaving Certificate, Scoil Mhuire Secondary School, 2013",
                ],
            ),
            ("Training", ["- MCC and JOC", "- UPRT"]),
            ("Skills", ["- Teamwork", "- Situational awareness"]),
            ("Languages", ["Irish (native), English (native) – ICAO Level 6"]),
        ],
        truth=truth(
            name="Aoife Ní Bhriain",
            email="aoife.nibhriain@cadet.example.ie",
            phone="+447700900321",
            loc=("Cork", "IE"),
            summary=S23,
            skills=["Teamwork", "Situational awareness"],
            jobs=[("Shamrock Ground Handling", "Customer Service Agent", "2016", "present")],
            edu=[
                ("Celtic Flight Academy", "Integrated ATPL course", 2016),
                ("Scoil Mhuire Secondary School", "Leaving Certificate", 2013),
            ],
            lic=["CPL(A)"],
            types=[],
            hours=(250, 120),
            medical=1,
            certs=["ATPL-THEORY", "IR", "MEP", "MCC", "JOC", "UPRT", "ICAO-EN-6"],
        ),
    ),
    Resume(
        stem="h24_atco_jonas_weber",
        fmt="pdf",
        layout="sidebar",
        font="dejavuserif",
        header=[
            "Jonas Weber",
            "jonas.weber@flugsicherung.example.de",
            "+49 (0)30 1234567",
            "Langen (Hessen), Germany",
        ],
        side={"Skills", "Languages"},
        sections=[
            ("Summary", [S24]),
            (
                "Career",
                [
                    "Approach Controller, Rhein-Main Air Navigation",
                    "März 2018 – heute",
                    "- Provided approach radar service.",
                    "Tower Controller, Nordhessen Airport Services",
                    "Oktober 2012 – Februar 2018",
                ],
            ),
            ("Education", ["Diplom Geographie — Universität Marburg, 2006 – 2011"]),
            (
                "Licences",
                ["- ATCO licence with ratings ADI, APS", "- OJTI", "- Medical Class 3"],
            ),
            ("Skills", ["- Radar", "- Teamwork", "- Stress resistance"]),
            ("Languages", ["German (native)", "English: ICAO level 5"]),
        ],
        truth=truth(
            name="Jonas Weber",
            email="jonas.weber@flugsicherung.example.de",
            phone="+49301234567",
            loc=("Langen", "DE"),
            summary=S24,
            skills=["Radar", "Teamwork", "Stress resistance"],
            jobs=[
                ("Rhein-Main Air Navigation", "Approach Controller", "2018-03", "present"),
                ("Nordhessen Airport Services", "Tower Controller", "2012-10", "2018-02"),
            ],
            edu=[("Universität Marburg", "Diplom Geographie", 2011)],
            lic=["ATCO"],
            types=[],
            medical=3,
            certs=["ATC-ADI", "ATC-APS", "OJTI", "ICAO-EN-5"],
        ),
    ),
    Resume(
        stem="h25_mro_planner_olga_kowalczyk",
        fmt="docx",
        layout="plain",
        header=[
            "Olga Kowalczyk",
            "olga.kowalczyk@planning.example.pl  |  +48 601 234 567  |  Gdańsk, Polska",
        ],
        sections=[
            ("Professional Summary", [S25]),
            (
                "Employment",
                [
                    "|From|To|Company|Position",
                    "|06/2018|present|Baltic Aircraft Maintenance|Senior Maintenance Planner",
                    "|03/2015|05/2018|Vistula Technics|Planning Engineer",
                ],
            ),
            ("Education", ["MSc Transport Engineering, Politechnika Morska, 2010 – 2015"]),
            ("Skills", ["SAP PM, AMOS, MS Project, Excel"]),
            (
                "Training",
                ["- Human Factors", "- Part-M / CAMO introduction", "- Lean Six Sigma Green Belt"],
            ),
        ],
        truth=truth(
            name="Olga Kowalczyk",
            email="olga.kowalczyk@planning.example.pl",
            phone="+48601234567",
            loc=("Gdańsk", "PL"),
            summary=S25,
            skills=["SAP PM", "AMOS", "MS Project", "Excel"],
            jobs=[
                ("Baltic Aircraft Maintenance", "Senior Maintenance Planner", "2018-06", "present"),
                ("Vistula Technics", "Planning Engineer", "2015-03", "2018-05"),
            ],
            edu=[("Politechnika Morska", "MSc Transport Engineering", 2015)],
            lic=[],
            types=[],
            certs=["HF", "LSS-GB"],
        ),
    ),
    Resume(
        stem="h26_helicopter_pilot_matteo_rossi_bianchi",
        fmt="txt",
        layout="markdown",
        header=[
            "MATTEO ROSSI BIANCHI",
            "matteo.rossibianchi@elicotteri.example.it | +41 79 123 45 67 | Lugano, Switzerland",
        ],
        sections=[
            ("About Me", [S26]),
            (
                "Licences",
                [
                    "- CPL(H) (EASA, issued by FOCA)",
                    "- Type ratings: AS350 B3, Bell 412EP, EC135 T2+",
                    "- EASA Class 1 medical",
                ],
            ),
            ("Flying Experience", ["Total: 5 400 h", "PIC: 3 900 h", "External load: 2 100 h"]),
            (
                "Work History",
                [
                    "### Line Pilot — Alpine Heli Services",
                    "Jan 2015 – Present",
                    "- Flew AW139 medevac and H125 firefighting missions.",
                    "### Co-pilot — Ticino Elicotteri",
                    "2010 - 2014",
                ],
            ),
            (
                "Education",
                [
                    "**Professional Pilot Course (Helicopter)** — Scuola Elicotteri Locarno",
                    "*2008 – 2010*",
                ],
            ),
            ("Certificates", ["- NVG", "- HUET", "- Mountain rating"]),
            ("Skills", ["External load, Firefighting, Mountain flying, Hoist"]),
        ],
        truth=truth(
            name="Matteo Rossi Bianchi",
            email="matteo.rossibianchi@elicotteri.example.it",
            phone="+41791234567",
            loc=("Lugano", "CH"),
            summary=S26,
            skills=["External load", "Firefighting", "Mountain flying", "Hoist"],
            jobs=[
                ("Alpine Heli Services", "Line Pilot", "2015-01", "present"),
                ("Ticino Elicotteri", "Co-pilot", "2010", "2014"),
            ],
            edu=[("Scuola Elicotteri Locarno", "Professional Pilot Course (Helicopter)", 2010)],
            lic=["CPL(H)"],
            types=["H125", "B412", "H135"],
            hours=(5400, 3900),
            medical=1,
            certs=["NVG", "HUET"],
        ),
    ),
]

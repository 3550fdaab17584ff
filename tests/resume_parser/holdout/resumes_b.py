"""Holdout resumes 11-20, written by hand with their truth (labelled per TRUTH_FORMAT.md)."""

from __future__ import annotations

from render import Resume
from resumes_a import truth

S11 = (
    "Stress engineer specialised in composite primary structure, certification reports and "
    "repair substantiation for commercial aircraft programmes."
)
S12 = (
    "Safety and compliance leader who has built safety management systems for an airline and "
    "an MRO, and who believes in a just culture."
)
S13 = "Avionics engineer with a B2 licence and ten years on turboprop and regional jet fleets."
S14 = (
    "Flight instructor and aspiring airline first officer with a frozen ATPL, looking for a "
    "multi-crew position in Scandinavia."
)
S15 = (
    "Cabin service manager with a passion for customer care, safety leadership and training "
    "new crew members."
)
S16 = (
    "FAA certificated A&P mechanic with wide-body freighter experience and strong "
    "troubleshooting skills."
)
S17 = (
    "Operations control professional seeking to grow into a network operations leadership role "
    "with a Singapore-based carrier."
)
S18 = "Licensed helicopter engineer supporting offshore oil and gas operations in South-East Asia."
S19 = (
    "Airline captain with more than eleven thousand hours, FAA ATP certificate and experience as "
    "a check airman."
)
S20 = (
    "Area and approach radar controller with twenty years of operational service and extensive "
    "training experience."
)

RESUMES_B = [
    Resume(
        stem="h11_stress_engineer_priya_raghunathan",
        fmt="docx",
        layout="plain",
        header=[
            "Priya Raghunathan",
            "priya.r@engmail.example.in | +91 98450 12345 | Bengaluru, Karnataka, India",
        ],
        sections=[
            ("Summary", [S11]),
            (
                "Professional Experience",
                [
                    "Jul 2018 – Present\tSenior Stress Engineer at Kaveri Aerostructures",
                    "- Sized composite wing panels for an A350 work package.",
                    "- Substantiated repairs for B787 fuselage sections.",
                    "Aug 2014 – Jun 2018\tStress Engineer at Deccan Aerospace Systems",
                    "- Performed fatigue and damage tolerance analysis.",
                ],
            ),
            (
                "Education",
                [
                    "2014\tM.Tech Aerospace Engineering, Deccan Institute of Technology",
                    "2012\tB.E. Mechanical Engineering, Mysore College of Engineering",
                ],
            ),
            ("Skills", ["NASTRAN | PATRAN | HyperMesh | Python | CATIA V5"]),
            ("Certifications", ["- Chartered Engineer (CEng, RAeS)", "- PMP"]),
            ("Languages", ["English (fluent), Tamil (native), Kannada (fluent)"]),
        ],
        truth=truth(
            name="Priya Raghunathan",
            email="priya.r@engmail.example.in",
            phone="+919845012345",
            loc=("Bengaluru", "IN"),
            summary=S11,
            skills=["NASTRAN", "PATRAN", "HyperMesh", "Python", "CATIA V5"],
            jobs=[
                ("Kaveri Aerostructures", "Senior Stress Engineer", "2018-07", "present"),
                ("Deccan Aerospace Systems", "Stress Engineer", "2014-08", "2018-06"),
            ],
            edu=[
                ("Deccan Institute of Technology", "M.Tech Aerospace Engineering", 2014),
                ("Mysore College of Engineering", "B.E. Mechanical Engineering", 2012),
            ],
            lic=[],
            types=[],
            certs=["CENG", "PMP"],
        ),
    ),
    Resume(
        stem="h12_safety_manager_lars_ostergaard",
        fmt="txt",
        layout="plain",
        header=[
            "LARS ØSTERGAARD",
            "Head of Safety & Compliance",
            "lars.ostergaard@sikker.example.dk",
            "+45 20 12 34 56",
            "København, Danmark",
        ],
        sections=[
            ("About Me", [S12]),
            (
                "Work History",
                [
                    "Head of Safety, Øresund Air Charter",
                    "2016 to date",
                    "- Built the SMS from the ground up, including hazard log and SPIs.",
                    "Quality Manager, Nordic Jet Maintenance",
                    "2009 - 2016",
                    "- Ran the Part-145 compliance audit programme.",
                ],
            ),
            (
                "Education & Training",
                ["MSc Safety Engineering, Technical University of Lyngby, 2007 – 2009"],
            ),
            ("Areas of Expertise", ["Risk management, Auditing, Just culture, ECCAIRS, Part-ORO"]),
            (
                "Certificates & Training",
                [
                    "- Safety Management Systems (SMS) diploma",
                    "- ISO 9001 Lead Auditor",
                    "- EN 9100 Lead Auditor",
                    "- Human Factors instructor",
                ],
            ),
            ("Licences", ["- PPL(A)", "- Class 2 medical"]),
            ("Languages", ["Danish (native), English (fluent), Swedish (good)"]),
        ],
        truth=truth(
            name="Lars Østergaard",
            email="lars.ostergaard@sikker.example.dk",
            phone="+4520123456",
            loc=("København", "DK"),
            summary=S12,
            skills=["Risk management", "Auditing", "Just culture", "ECCAIRS", "Part-ORO"],
            jobs=[
                ("Øresund Air Charter", "Head of Safety", "2016", "present"),
                ("Nordic Jet Maintenance", "Quality Manager", "2009", "2016"),
            ],
            edu=[("Technical University of Lyngby", "MSc Safety Engineering", 2009)],
            lic=["PPL(A)"],
            types=[],
            medical=2,
            certs=["SMS", "ISO9001-LA", "AS9100-LA", "HF"],
        ),
    ),
    Resume(
        stem="h13_avionics_engineer_thabo_mokoena",
        fmt="pdf",
        layout="sidebar-right",
        font="liberation",
        header=[
            "Thabo Mokoena",
            "thabo.mokoena@avionics.example.za",
            "082 555 0147",
            "Johannesburg, South Africa",
        ],
        side={"Technical Skills", "Languages", "Courses"},
        sections=[
            ("Personal Statement", [S13]),
            (
                "Employment Record",
                [
                    "|Highveld Aero Services|B2 Licensed Engineer|04/2017 – present",
                    "- Rectified avionics defects on ATR 72 and Q400 aircraft.",
                    "|Bushveld Regional Airways|Avionics Technician|01/2012 – 03/2017",
                    "- Maintained autopilot and weather radar systems.",
                ],
            ),
            (
                "Licences",
                [
                    "- EASA Part-66 B2 licence",
                    "- Type ratings: ATR 72-600, Dash 8 Q400",
                ],
            ),
            ("Education", ["National Diploma Avionics — Gauteng Technical College", "2008 – 2011"]),
            (
                "Technical Skills",
                ["- ARINC 429", "- Autopilot systems", "- Weather radar", "- Soldering"],
            ),
            ("Courses", ["- EWIS", "- Human Factors", "- Fuel Tank Safety"]),
            ("Languages", ["English, Zulu, Sesotho"]),
        ],
        truth=truth(
            name="Thabo Mokoena",
            email="thabo.mokoena@avionics.example.za",
            phone="+27825550147",
            loc=("Johannesburg", "ZA"),
            summary=S13,
            skills=["ARINC 429", "Autopilot systems", "Weather radar", "Soldering"],
            jobs=[
                ("Highveld Aero Services", "B2 Licensed Engineer", "2017-04", "present"),
                ("Bushveld Regional Airways", "Avionics Technician", "2012-01", "2017-03"),
            ],
            edu=[("Gauteng Technical College", "National Diploma Avionics", 2011)],
            lic=["PART66-B2"],
            types=["ATR72", "Q400"],
            certs=["EWIS", "HF", "FTS"],
        ),
    ),
    Resume(
        stem="h14_flight_instructor_sven_akesson",
        fmt="docx",
        layout="headings",
        header=[
            "SVEN ÅKESSON",
            "Flight Instructor FI(A)",
            "sven.akesson@flyg.example.se",
            "070-123 45 67",
            "Göteborg, Sverige",
        ],
        sections=[
            ("Objective", [S14]),
            (
                "Licences & Ratings",
                [
                    "- Frozen ATPL (CPL/ME/IR) – EASA",
                    "- FI(A) rating",
                    "- SEP (land)",
                    "- Medical Class 1",
                ],
            ),
            ("Flight Experience", ["Total 1 450 h, PIC 1 100 h, multi-engine 210 h"]),
            (
                "Work Experience",
                [
                    "|Period|Position|Employer",
                    "|2019 – now|Flight Instructor|Västkust Flygskola",
                    "|2017 – 2019|Ramp Agent|Landvetter Ground Services",
                ],
            ),
            (
                "Education",
                [
                    "Modular ATPL(A) theory and CPL/IR training — Scandinavian Flight Academy, 2015 – 2017",
                ],
            ),
            (
                "Certificates",
                [
                    "|Certificate|Issued|Valid until",
                    "|MCC|2017|–",
                    "|UPRT|2018|–",
                    "|CRM|2023|2025",
                ],
            ),
            ("Skills", ["- Instructing", "- Flight planning", "- Briefing"]),
            ("Languages", ["Swedish (native), English – ICAO Level 6, Norwegian (good)"]),
        ],
        truth=truth(
            name="Sven Åkesson",
            email="sven.akesson@flyg.example.se",
            phone="+46701234567",
            loc=("Göteborg", "SE"),
            summary=S14,
            skills=["Instructing", "Flight planning", "Briefing"],
            jobs=[
                ("Västkust Flygskola", "Flight Instructor", "2019", "present"),
                ("Landvetter Ground Services", "Ramp Agent", "2017", "2019"),
            ],
            edu=[
                (
                    "Scandinavian Flight Academy",
                    "Modular ATPL(A) theory and CPL/IR training",
                    2017,
                )
            ],
            lic=["CPL(A)"],
            types=[],
            hours=(1450, 1100),
            medical=1,
            certs=["ATPL-THEORY", "IR", "MEP", "FI", "SEP", "MCC", "UPRT", "CRM", "ICAO-EN-6"],
        ),
    ),
    Resume(
        stem="h15_cabin_crew_mary_kate_oneill",
        fmt="txt",
        layout="markdown",
        encoding="utf-8-sig",
        header=[
            "Mary-Kate O'Neill",
            "marykate.oneill@crewmail.example.co.uk",
            "Mobile: 07700 900789",
            "Based in Manchester, England",
        ],
        sections=[
            ("Personal Profile", [S15]),
            (
                "Employment History",
                [
                    "### Cabin Service Manager — Pennine Airways",
                    "Oct. 2019 – Present",
                    "- Led crews of up to 10 on A330 long-haul flights.",
                    "### Senior Cabin Crew — Irwell Holidays",
                    "Mar. 2017 to Sep. 2019",
                    "- Worked charter flights on the A321.",
                ],
            ),
            ("Education", ["BTEC Travel and Tourism, Salford City College, 2014 – 2016"]),
            ("Skills Summary", ["- Customer care", "- Safety leadership", "- Crew coaching"]),
            (
                "Licences",
                [
                    "- UK CAA Cabin Crew Attestation",
                    "- Type qualified on A321neo, A330-900",
                    "- Cabin crew medical report – valid 2027",
                ],
            ),
            ("Certificates", ["- First aid at work", "- Dangerous goods awareness", "- CRM"]),
            ("Languages", ["English (native), Spanish (conversational)"]),
        ],
        truth=truth(
            name="Mary-Kate O'Neill",
            email="marykate.oneill@crewmail.example.co.uk",
            phone="+447700900789",
            loc=("Manchester", "GB"),
            summary=S15,
            skills=["Customer care", "Safety leadership", "Crew coaching"],
            jobs=[
                ("Pennine Airways", "Cabin Service Manager", "2019-10", "present"),
                ("Irwell Holidays", "Senior Cabin Crew", "2017-03", "2019-09"),
            ],
            edu=[("Salford City College", "BTEC Travel and Tourism", 2016)],
            lic=["CCA"],
            types=["A320", "A330"],
            certs=["FIRST-AID", "DG", "CRM"],
        ),
    ),
    Resume(
        stem="h16_ap_mechanic_carlos_dos_santos_pereira",
        fmt="pdf",
        layout="classic",
        font="helvetica",
        header=[
            "Carlos dos Santos Pereira",
            "carlos.pereira@wrench.example.com  •  +1-305-555-0147  •  Miami, FL, USA",
        ],
        sections=[
            ("Summary", [S16]),
            (
                "Employment",
                [
                    "|Dates|Title|Company",
                    "|05/2019 – Present|Lead A&P Mechanic|Biscayne Cargo Airlines",
                    "|05/2016 – 04/2019|A&P Mechanic|Everglades Aircraft Services",
                    "- Performed C-checks on B767 freighters and MD-11 aircraft.",
                ],
            ),
            (
                "Education",
                ["Aviation Maintenance Technology (AAS) — Miami Dade Technical Institute, 2016"],
            ),
            (
                "Certificates & Licenses",
                [
                    "- FAA Airframe and Powerplant Mechanic Certificate",
                    "- FCC General Radiotelephone Operator License",
                    "- Human Factors",
                ],
            ),
            ("Skills", ["Troubleshooting, Sheet metal repair, Engine runs, Borescope inspection"]),
            ("Languages", ["Portuguese (native), English (fluent), Spanish (fluent)"]),
        ],
        truth=truth(
            name="Carlos dos Santos Pereira",
            email="carlos.pereira@wrench.example.com",
            phone="+13055550147",
            loc=("Miami", "US"),
            summary=S16,
            skills=["Troubleshooting", "Sheet metal repair", "Engine runs", "Borescope inspection"],
            jobs=[
                ("Biscayne Cargo Airlines", "Lead A&P Mechanic", "2019-05", "present"),
                ("Everglades Aircraft Services", "A&P Mechanic", "2016-05", "2019-04"),
            ],
            edu=[
                (
                    "Miami Dade Technical Institute",
                    "Aviation Maintenance Technology (AAS)",
                    2016,
                )
            ],
            lic=["FAA-AP"],
            types=[],
            certs=["FCC-GROL", "HF"],
        ),
    ),
    Resume(
        stem="h17_ops_controller_wei_zhang",
        fmt="docx",
        layout="plain",
        header=["Wei Zhang", "wei.zhang@ops.example.sg", "+65 9123 4567", "Singapore"],
        sections=[
            ("Career Objective", [S17]),
            (
                "Relevant Experience",
                [
                    "Network Operations Controller, Merlion Airways",
                    "Jun 2018 – Present",
                    "- Managed disruption recovery for a fleet of 40 A320 and A350 aircraft.",
                    "Crew Scheduler, Straits Regional Air",
                    "Mar 2014 – May 2018",
                    "- Built monthly crew rosters.",
                ],
            ),
            (
                "Academic Qualifications",
                [
                    "Bachelor of Business (Logistics), Nanyang Polytechnic University, Graduated 2013"
                ],
            ),
            (
                "Competencies",
                ["Disruption management, Crew rostering, Sabre, Stakeholder communication"],
            ),
            (
                "Training",
                ["- Dangerous Goods", "- Safety Management Systems", "- Aviation Security"],
            ),
            ("Languages", ["English, Mandarin, Malay"]),
        ],
        truth=truth(
            name="Wei Zhang",
            email="wei.zhang@ops.example.sg",
            phone="+6591234567",
            loc=("Singapore", "SG"),
            summary=S17,
            skills=[
                "Disruption management",
                "Crew rostering",
                "Sabre",
                "Stakeholder communication",
            ],
            jobs=[
                ("Merlion Airways", "Network Operations Controller", "2018-06", "present"),
                ("Straits Regional Air", "Crew Scheduler", "2014-03", "2018-05"),
            ],
            edu=[
                (
                    "Nanyang Polytechnic University",
                    "Bachelor of Business (Logistics)",
                    2013,
                )
            ],
            lic=[],
            types=[],
            certs=["DG", "SMS", "AVSEC"],
        ),
    ),
    Resume(
        stem="h18_helicopter_engineer_ahmad_faisal_bin_abdullah",
        fmt="txt",
        layout="caps",
        encoding="utf-16",
        header=[
            "AHMAD FAISAL BIN ABDULLAH",
            "ahmadfaisal@rotor.example.my",
            "Tel: 012-345 6789",
            "Kuala Lumpur, Malaysia",
        ],
        sections=[
            ("Objective", [S18]),
            (
                "Career",
                [
                    "Since 2019   Licensed Aircraft Engineer B1.3 at Borneo Offshore Helicopters, Miri",
                    "- Maintained AW139 and S-92A helicopters on offshore bases.",
                    "2013 – 2019   Aircraft Technician at Langkawi Heli Services",
                ],
            ),
            (
                "Education",
                ["2010 – 2013   Diploma in Aircraft Maintenance, Malaysian Aviation Institute"],
            ),
            (
                "Licences",
                ["- Part-66 B1.3 (helicopters turbine)", "- Type endorsements: AW139, S-92A"],
            ),
            ("Courses", ["- HUET", "- Human Factors", "- EWIS"]),
            ("Skills", ["- Rotor track and balance", "- Gearbox inspection", "- Troubleshooting"]),
        ],
        truth=truth(
            name="Ahmad Faisal bin Abdullah",
            email="ahmadfaisal@rotor.example.my",
            phone="+60123456789",
            loc=("Kuala Lumpur", "MY"),
            summary=S18,
            skills=["Rotor track and balance", "Gearbox inspection", "Troubleshooting"],
            jobs=[
                (
                    "Borneo Offshore Helicopters",
                    "Licensed Aircraft Engineer B1.3",
                    "2019",
                    "present",
                ),
                ("Langkawi Heli Services", "Aircraft Technician", "2013", "2019"),
            ],
            edu=[("Malaysian Aviation Institute", "Diploma in Aircraft Maintenance", 2013)],
            lic=["PART66-B1"],
            types=["AW139", "S92"],
            certs=["HUET", "HF", "EWIS"],
        ),
    ),
    Resume(
        stem="h19_captain_daniel_obrien",
        fmt="pdf",
        layout="sidebar",
        font="dejavu",
        header=[
            "Daniel O'Brien",
            "dobrien.pilot@skymail.example.com",
            "303.555.0188",
            "Denver, CO",
        ],
        side={"Skills", "Certifications", "Medical"},
        sections=[
            ("Summary", [S19]),
            ("Flight Time", ["Total Time: 11,500 hrs", "PIC: 6,200 hrs", "SIC: 5,300 hrs"]),
            (
                "Professional Experience",
                [
                    "Captain / Check Airman — Front Range Airlines, Denver, CO\tMay 2015 - Present",
                    "- Conducted line checks on the B737-800.",
                    "First Officer — Mountain West Connection\tJune 2008 - April 2015",
                    "- Flew the CRJ700 and CRJ900 across the western US.",
                ],
            ),
            (
                "Licenses & Type Ratings",
                [
                    "- FAA ATP Certificate (Airplane Multi-Engine Land)",
                    "- Type ratings: B737, B757/767, CL-65",
                ],
            ),
            (
                "Education",
                [
                    "B.S. Aeronautical Science — Rocky Mountain Aeronautical University",
                    "2004 – 2008",
                ],
            ),
            ("Skills", ["- Line checks", "- CRM", "- Winter operations"]),
            ("Certifications", ["- CFII", "- Crew Resource Management"]),
            ("Medical", ["FAA First-Class Medical"]),
        ],
        truth=truth(
            name="Daniel O'Brien",
            email="dobrien.pilot@skymail.example.com",
            phone="+13035550188",
            loc=("Denver", "US"),
            summary=S19,
            skills=["Line checks", "CRM", "Winter operations"],
            jobs=[
                ("Front Range Airlines", "Captain / Check Airman", "2015-05", "present"),
                ("Mountain West Connection", "First Officer", "2008-06", "2015-04"),
            ],
            edu=[("Rocky Mountain Aeronautical University", "B.S. Aeronautical Science", 2008)],
            lic=["ATPL(A)"],
            types=["B737", "B757", "B767", "CRJ"],
            hours=(11500, 6200),
            medical=1,
            certs=["FI", "CRM"],
        ),
    ),
    Resume(
        stem="h20_atco_hamish_macleod",
        fmt="docx",
        layout="headerfooter",
        header=[
            "Hamish MacLeod",
            "hamish.macleod@atc.example.co.uk  |  +44 (0)131 496 0123",
            "Edinburgh, Scotland",
        ],
        sections=[
            ("Professional Profile", [S20]),
            (
                "Professional Experience",
                [
                    "Scottish Area Control Centre — Area Controller",
                    "2014 – present",
                    "- Provided area radar service in busy en-route airspace.",
                    "Highlands Airports — Approach Controller",
                    "2004 – 2014",
                    "- Provided procedural and radar approach service.",
                ],
            ),
            ("Education", ["MA Geography — University of St Andrews, 2000 – 2004"]),
            (
                "Licences & Ratings",
                [
                    "- UK CAA Air Traffic Controller Licence",
                    "- Ratings: ADI, APP, APS, ACS",
                    "- OJTI",
                    "- Class 3 Medical",
                ],
            ),
            ("Skills", ["Radar control, Training and assessment, Airspace design"]),
            ("Languages", ["English – ICAO Level 6"]),
        ],
        truth=truth(
            name="Hamish MacLeod",
            email="hamish.macleod@atc.example.co.uk",
            phone="+441314960123",
            loc=("Edinburgh", "GB"),
            summary=S20,
            skills=["Radar control", "Training and assessment", "Airspace design"],
            jobs=[
                ("Scottish Area Control Centre", "Area Controller", "2014", "present"),
                ("Highlands Airports", "Approach Controller", "2004", "2014"),
            ],
            edu=[("University of St Andrews", "MA Geography", 2004)],
            lic=["ATCO"],
            types=[],
            medical=3,
            certs=["ATC-ADI", "ATC-APP", "ATC-APS", "ATC-ACS", "OJTI", "ICAO-EN-6"],
        ),
    ),
]
